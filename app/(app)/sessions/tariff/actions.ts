'use server';

import { revalidatePath } from 'next/cache';
import { fail, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { getMembership } from '@/lib/authz';
import { setTariff } from '@/lib/data/tariffs';
import { setTariffSchema, tariffTargetSchema } from './schemas';

export async function setTariffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = setTariffSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden', { values });

  const { chargerId, pricePerKwh, currency } = input.data;
  const isSet = await setTariff({ accountId: member.accountId, chargerId: chargerId ?? null, pricePerKwh, currency, createdBy: member.userId });
  if (!isSet) return fail('notFound', { values });
  revalidatePath('/sessions', 'layout');
  return ok(null);
}

// Ends the tariff from now on: a charger falls back to the account's price, the account charges nothing.
export async function clearTariffAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = tariffTargetSchema.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');

  const target = { accountId: member.accountId, chargerId: input.data.chargerId ?? null };
  const isCleared = await setTariff({ ...target, pricePerKwh: null, currency: null, createdBy: member.userId });
  if (!isCleared) return fail('notFound');
  revalidatePath('/sessions', 'layout');
  return ok(null);
}
