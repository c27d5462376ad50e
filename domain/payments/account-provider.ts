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

// `checkout`: the provider a member's Pay opens, Stripe only while the owner has it chosen. `settle`: the one that
// hears the webhooks and gives refunds, Stripe while its keys are saved, so that a payment made just before the owner
// went back to transfers is still recorded and can be refunded. Either way the keys must open under this AUTH_SECRET
// (a changed AUTH_SECRET turns Stripe off until they are entered again); otherwise the manual provider.
export async function providerForAccount(
  db: Executor,
  { accountId, secret, purpose = 'checkout' }: { accountId: string; secret: string; purpose?: 'checkout' | 'settle' },
): Promise<PaymentProvider> {
  const settings = await getPaymentSettings(db, { accountId });
  if (!settings?.sealedStripeSecretKey || !settings.sealedStripeWebhookSecret) return manualProvider;
  if (purpose === 'checkout' && settings.method !== 'stripe') return manualProvider;
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
