'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { setTariff } from '@/domain/data/tariffs';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { setPriceSchema, tariffTargetSchema } from './schemas';

// A fixed, time-of-use or day-ahead price for the account or one of its chargers, from now on.
export const setPriceAction = memberAction(setPriceSchema, async ({ input, member, values }) => {
  const { chargerId, kind, pricePerKwh, periods, currency } = input;
  const result = await setTariff(db(), { accountId: member.accountId, chargerId: chargerId ?? null, kind, pricePerKwh, periods, currency, createdBy: member.userId });
  if (!result.ok) return fail('notFound', { values });
  revalidatePath('/sessions', 'layout');
  return ok(null);
});

// Ends the tariff from now on: a charger falls back to the account's price, the account charges nothing.
export const clearTariffAction = memberAction(
  tariffTargetSchema,
  async ({ input, member }) => {
    const target = { accountId: member.accountId, chargerId: input.chargerId ?? null };
    const result = await setTariff(db(), { ...target, pricePerKwh: null, currency: null, createdBy: member.userId });
    if (!result.ok) return fail('notFound');
    revalidatePath('/sessions', 'layout');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
