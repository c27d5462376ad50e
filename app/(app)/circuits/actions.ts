'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fieldError, ok } from '@/lib/action-result';
import { createCircuit, deleteCircuit, setCircuitChargers, updateCircuit } from '@/domain/data/circuits';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { circuitChargersSchema, circuitClaim, createCircuitSchema, updateCircuitSchema } from './schemas';

// Owners and co-owners only (memberAction's default): a circuit decides how fast everyone's car charges.
export const createCircuitAction = memberAction(createCircuitSchema, async ({ input, member, values }) => {
  const created = await createCircuit(db(), { ...input, accountId: member.accountId });
  if (!created.ok) return fieldError('followsMeterFeed', 'circuitFeedTaken', values);
  revalidatePath('/circuits');
  redirect(`/circuits/${created.value}`);
});

export const updateCircuitAction = memberAction(updateCircuitSchema, async ({ input, member, values }) => {
  const updated = await updateCircuit(db(), { ...input, accountId: member.accountId });
  if (!updated.ok && updated.reason === 'feedTaken') return fieldError('followsMeterFeed', 'circuitFeedTaken', values);
  if (!updated.ok) return fail('notFound');
  revalidatePath('/circuits', 'layout');
  return ok(null);
});

export const setCircuitChargersAction = memberAction(circuitChargersSchema, async ({ input, member }) => {
  const saved = await setCircuitChargers(db(), { ...input, accountId: member.accountId });
  if (!saved.ok) return fail(saved.reason);
  revalidatePath('/circuits', 'layout');
  return ok(null);
});

export const deleteCircuitAction = memberAction(
  circuitClaim,
  async ({ input, member }) => {
    const deleted = await deleteCircuit(db(), { ...input, accountId: member.accountId });
    if (!deleted.ok) return fail('notFound');
    revalidatePath('/circuits');
    redirect('/circuits');
  },
  { onInvalid: 'notFound' },
);
