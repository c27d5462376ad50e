'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTimeZone } from 'next-intl/server';
import { fail, fieldError, ok } from '@/lib/action-result';
import type { Membership } from '@/lib/authz';
import { endOfDay } from '@/domain/cards/expiry';
import { generateVirtualIdTag } from '@/domain/cards/id-tag';
import { localListChanged } from '@/domain/cards/local-list';
import { createCard, deleteCard, setCardStatus, updateCard } from '@/domain/data/cards';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { addCardSchema, cardClaim, editCardSchema, setCardStatusSchema } from './schemas';

async function expiresAt(day: string | undefined) {
  return day ? endOfDay(day, await getTimeZone()) : null;
}

// The account's chargers get the change in their Local Authorization List (the OCPP server sends the difference).
async function afterCardChange(member: Membership) {
  await localListChanged(db(), { accountId: member.accountId });
  revalidatePath('/cards', 'layout');
}

export const addCardAction = memberAction(addCardSchema, async ({ input, member, values }) => {
  const result = await createCard(db(), {
    accountId: member.accountId,
    kind: input.kind,
    idTag: input.kind === 'physical' ? input.idTag : generateVirtualIdTag(),
    label: input.label,
    userId: input.userId ?? null,
    expiresAt: await expiresAt(input.expiresOn),
  });
  if (!result.ok && result.reason === 'idTagTaken') return fieldError('idTag', 'idTagTaken', values);
  if (!result.ok) return fieldError('userId', 'userNotMember', values);

  await afterCardChange(member);
  redirect('/cards');
});

export const editCardAction = memberAction(editCardSchema, async ({ input, member, values }) => {
  const result = await updateCard(db(), {
    accountId: member.accountId,
    cardId: input.cardId,
    label: input.label,
    userId: input.userId ?? null,
    expiresAt: await expiresAt(input.expiresOn),
  });
  if (!result.ok && result.reason === 'notFound') return fail('cardNotFound', { values });
  if (!result.ok && result.reason === 'userNotMember') return fieldError('userId', 'userNotMember', values);
  if (!result.ok) return fieldError('userId', 'virtualNeedsUser', values);

  await afterCardChange(member);
  return ok(null);
});

export const setCardStatusAction = memberAction(
  setCardStatusSchema,
  async ({ input, member }) => {
    const result = await setCardStatus(db(), { accountId: member.accountId, cardId: input.cardId, status: input.status });
    if (!result.ok) return fail('cardNotFound');

    await afterCardChange(member);
    return ok(null);
  },
  { onInvalid: 'cardNotFound' },
);

export const deleteCardAction = memberAction(
  cardClaim,
  async ({ input, member }) => {
    const result = await deleteCard(db(), { accountId: member.accountId, cardId: input.cardId });
    if (!result.ok) return fail('cardNotFound');

    await afterCardChange(member);
    redirect('/cards');
  },
  { onInvalid: 'cardNotFound' },
);
