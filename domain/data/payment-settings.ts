import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accountPaymentSettings, type PaymentMethod } from '../../db/schema';

type Scope = { accountId: string };

export async function getPaymentSettings(db: Executor, { accountId }: Scope) {
  const [row] = await db.select().from(accountPaymentSettings).where(eq(accountPaymentSettings.accountId, accountId));
  return row ?? null;
}

// A sealed secret with the end of it that may be shown; undefined keeps what is stored.
export type SealedSecret = { sealed: string; ending: string };

type SavePaymentSettingsInput = Scope & { method: PaymentMethod; secretKey?: SealedSecret; webhookSecret?: SealedSecret; updatedBy: string };

export async function savePaymentSettings(db: Executor, { accountId, method, secretKey, webhookSecret, updatedBy }: SavePaymentSettingsInput) {
  const secrets = {
    ...(secretKey && { sealedStripeSecretKey: secretKey.sealed, stripeSecretKeyEnding: secretKey.ending }),
    ...(webhookSecret && { sealedStripeWebhookSecret: webhookSecret.sealed, stripeWebhookSecretEnding: webhookSecret.ending }),
  };
  await db
    .insert(accountPaymentSettings)
    .values({ accountId, method, updatedBy, ...secrets })
    .onConflictDoUpdate({ target: accountPaymentSettings.accountId, set: { method, updatedBy, updatedAt: sql`now()`, ...secrets } });
}
