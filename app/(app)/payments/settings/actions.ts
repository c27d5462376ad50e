'use server';

import { revalidatePath } from 'next/cache';
import { fail, fieldError, formFields, formValues, ok, type ActionResult } from '@/lib/action-result';
import { getPaymentSettings } from '@/domain/data/payment-settings';
import { saveStripeSettings } from '@/lib/payments/account-payments';
import { db } from '@/lib/db';
import { asMember } from '@/lib/member-action';
import { paymentSettingsSchema } from '../schemas';

// Owners only: the keys move the account's money. Stripe needs both keys, typed now or saved before; a blank field
// keeps the saved one, which is never sent back to the browser, nor is what was typed.
export async function savePaymentSettingsAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  delete values.stripeSecretKey;
  delete values.stripeWebhookSecret;
  return asMember(formFields(form), values, paymentSettingsSchema, async ({ input, member }) => {
    if (member.role !== 'owner') return fail('ownersOnly', { values });
    if (input.method === 'stripe') {
      const saved = await getPaymentSettings(db(), { accountId: member.accountId });
      if (!input.stripeSecretKey && !saved?.sealedStripeSecretKey) return fieldError('stripeSecretKey', 'required', values);
      if (!input.stripeWebhookSecret && !saved?.sealedStripeWebhookSecret) return fieldError('stripeWebhookSecret', 'required', values);
    }
    await saveStripeSettings({
      accountId: member.accountId,
      method: input.method,
      secretKey: input.stripeSecretKey,
      webhookSecret: input.stripeWebhookSecret,
      updatedBy: member.userId,
    });
    revalidatePath('/payments', 'layout');
    return ok(null);
  });
}
