import { z } from 'zod';
import { accountClaim, blankAsUndefined, key } from '@/lib/validation';

export const statementClaimSchema = accountClaim.extend({ statementId: z.uuid(key('required')) });

// Blank gives back everything left. A decimal comma is read as a point.
export const refundStatementSchema = statementClaimSchema.extend({
  amount: z.preprocess(
    blankAsUndefined,
    z
      .string(key('refundAmountInvalid'))
      .trim()
      .regex(/^\d{1,10}([.,]\d{1,2})?$/, key('refundAmountInvalid'))
      .transform((amount) => amount.replace(',', '.'))
      .refine((amount) => Number(amount) > 0, key('refundAmountInvalid'))
      .optional(),
  ),
});

// Blank keeps the key already saved. Stripe's secret keys (sk_…, or restricted rk_…) and signing secrets (whsec_…).
const secretField = (pattern: RegExp, invalid: Parameters<typeof key>[0]) =>
  z.preprocess(blankAsUndefined, z.string(key('required')).trim().max(300, key('tooLong')).regex(pattern, key(invalid)).optional());

export const paymentSettingsSchema = accountClaim.extend({
  method: z.enum(['manual', 'stripe'], key('choiceInvalid')),
  stripeSecretKey: secretField(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/, 'stripeSecretKeyInvalid'),
  stripeWebhookSecret: secretField(/^whsec_[A-Za-z0-9+/=]{8,}$/, 'stripeWebhookSecretInvalid'),
});
export type PaymentSettingsInput = z.infer<typeof paymentSettingsSchema>;

// Saving or removing a card is the member's own, in the account named: nothing else is taken from the form.
export const savedCardSchema = accountClaim;
