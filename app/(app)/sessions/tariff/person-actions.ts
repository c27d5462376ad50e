'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { setPersonalPrice, type PriceHolder } from '@/domain/data/personal-prices';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { personalTargetSchema, setPersonalPriceSchema } from './schemas';

const holderOf = (input: { userId?: string; cardId?: string }): PriceHolder => (input.userId ? { userId: input.userId } : { cardId: input.cardId! });

// A member's or a card's own price, which wins over the charger's and the account's (0 charges nothing).
export const setPersonalPriceAction = memberAction(setPersonalPriceSchema, async ({ input, member, values }) => {
  const result = await setPersonalPrice(db(), { accountId: member.accountId, holder: holderOf(input), pricePerKwh: input.pricePerKwh, currency: input.currency, createdBy: member.userId });
  if (!result.ok) return fail('notFound', { values });
  revalidatePath('/sessions', 'layout');
  return ok(null);
});

export const clearPersonalPriceAction = memberAction(
  personalTargetSchema,
  async ({ input, member }) => {
    const result = await setPersonalPrice(db(), { accountId: member.accountId, holder: holderOf(input), pricePerKwh: null, currency: null, createdBy: member.userId });
    if (!result.ok) return fail('notFound');
    revalidatePath('/sessions', 'layout');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
