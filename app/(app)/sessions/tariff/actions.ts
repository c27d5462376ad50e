'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { setTariff } from '@/lib/data/tariffs';
import { memberAction } from '@/lib/member-action';
import { setTariffSchema, tariffTargetSchema } from './schemas';

export const setTariffAction = memberAction(setTariffSchema, async ({ input, member, values }) => {
  const { chargerId, pricePerKwh, currency } = input;
  const isSet = await setTariff({ accountId: member.accountId, chargerId: chargerId ?? null, pricePerKwh, currency, createdBy: member.userId });
  if (!isSet) return fail('notFound', { values });
  revalidatePath('/sessions', 'layout');
  return ok(null);
});

// Ends the tariff from now on: a charger falls back to the account's price, the account charges nothing.
export const clearTariffAction = memberAction(
  tariffTargetSchema,
  async ({ input, member }) => {
    const target = { accountId: member.accountId, chargerId: input.chargerId ?? null };
    const isCleared = await setTariff({ ...target, pricePerKwh: null, currency: null, createdBy: member.userId });
    if (!isCleared) return fail('notFound');
    revalidatePath('/sessions', 'layout');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
