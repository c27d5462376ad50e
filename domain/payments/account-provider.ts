import type { Executor } from '../../db/client';
import type { PaymentMethod } from '../../db/schema';
import { seal, secretBoxKey, unseal } from '../crypto/secret-box';
import { getPaymentSettings, savePaymentSettings, type SealedSecret } from '../data/payment-settings';
import { manualProvider } from './manual-provider';
import type { PaymentProvider } from './provider';
import { stripeProvider } from './stripe-provider';

const SEAL_PURPOSE = 'stripe-keys';

// What the settings page may show of a key: its last four characters.
const ending = (secret: string) => secret.slice(-4);

function sealed(secret: string | undefined, key: Buffer): SealedSecret | undefined {
  return secret ? { sealed: seal(secret, key), ending: ending(secret) } : undefined;
}

type SaveInput = { accountId: string; method: PaymentMethod; secretKey?: string; webhookSecret?: string; updatedBy: string };

export async function saveAccountPaymentSettings(db: Executor, { secret, ...input }: SaveInput & { secret: string }) {
  const key = secretBoxKey(secret, SEAL_PURPOSE);
  await savePaymentSettings(db, { ...input, secretKey: sealed(input.secretKey, key), webhookSecret: sealed(input.webhookSecret, key) });
}

// The provider the account's members pay through: Stripe once the owner chose it and both its keys open under this
// AUTH_SECRET; the manual one otherwise (a changed AUTH_SECRET turns Stripe off until the keys are entered again).
export async function providerForAccount(db: Executor, { accountId, secret }: { accountId: string; secret: string }): Promise<PaymentProvider> {
  const settings = await getPaymentSettings(db, { accountId });
  if (settings?.method !== 'stripe' || !settings.sealedStripeSecretKey || !settings.sealedStripeWebhookSecret) return manualProvider;
  const key = secretBoxKey(secret, SEAL_PURPOSE);
  const secretKey = unseal(settings.sealedStripeSecretKey, key);
  const webhookSecret = unseal(settings.sealedStripeWebhookSecret, key);
  if (!secretKey || !webhookSecret) return manualProvider;
  return stripeProvider({ secretKey, webhookSecret });
}

// What the owner's settings page shows: never a key, only which one is set.
export async function describePaymentSettings(db: Executor, { accountId }: { accountId: string }) {
  const settings = await getPaymentSettings(db, { accountId });
  return {
    method: settings?.method ?? 'manual',
    secretKeyEnding: settings?.stripeSecretKeyEnding ?? null,
    webhookSecretEnding: settings?.stripeWebhookSecretEnding ?? null,
  };
}
