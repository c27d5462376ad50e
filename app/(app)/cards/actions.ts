'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTimeZone } from 'next-intl/server';
import { fail, fieldError, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { getMembership, type Membership } from '@/lib/authz';
import { endOfDay } from '@/domain/cards/expiry';
import { generateVirtualIdTag } from '@/domain/cards/id-tag';
import { resendLocalListIfSynced } from '@/domain/cards/local-list';
import { createCard, deleteCard, setCardStatus, updateCard } from '@/lib/data/cards';
import { db } from '@/lib/db';
import { addCardSchema, cardClaim, editCardSchema, setCardStatusSchema } from './schemas';

async function expiresAt(day: string | undefined) {
  return day ? endOfDay(day, await getTimeZone()) : null;
}

// Chargers holding the account's Local Authorization List get the changed list (only once the owner has synced).
async function afterCardChange(member: Membership) {
  await resendLocalListIfSynced(db(), { accountId: member.accountId, requestedBy: member.userId });
  revalidatePath('/cards', 'layout');
}

export async function addCardAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = addCardSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden', { values });

  const result = await createCard({
    accountId: member.accountId,
    kind: input.data.kind,
    idTag: input.data.kind === 'physical' ? input.data.idTag : generateVirtualIdTag(),
    label: input.data.label,
    userId: input.data.userId ?? null,
    expiresAt: await expiresAt(input.data.expiresOn),
  });
  if (result.status === 'idTagTaken') return fieldError('idTag', 'idTagTaken', values);
  if (result.status === 'userNotMember') return fieldError('userId', 'userNotMember', values);

  await afterCardChange(member);
  redirect('/cards');
}

export async function editCardAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = editCardSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden', { values });

  const result = await updateCard(
    { accountId: member.accountId, cardId: input.data.cardId },
    { label: input.data.label, userId: input.data.userId ?? null, expiresAt: await expiresAt(input.data.expiresOn) },
  );
  if (result === 'notFound') return fail('cardNotFound', { values });
  if (result === 'userNotMember') return fieldError('userId', 'userNotMember', values);
  if (result === 'userRequired') return fieldError('userId', 'virtualNeedsUser', values);

  await afterCardChange(member);
  return ok(null);
}

export async function setCardStatusAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = setCardStatusSchema.safeParse(formFields(form));
  if (!input.success) return fail('cardNotFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');

  const isSet = await setCardStatus({ accountId: member.accountId, cardId: input.data.cardId }, input.data.status);
  if (!isSet) return fail('cardNotFound');

  await afterCardChange(member);
  return ok(null);
}

export async function deleteCardAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = cardClaim.safeParse(formFields(form));
  if (!input.success) return fail('cardNotFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');

  const isDeleted = await deleteCard({ accountId: member.accountId, cardId: input.data.cardId });
  if (!isDeleted) return fail('cardNotFound');

  await afterCardChange(member);
  redirect('/cards');
}
