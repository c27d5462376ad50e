import 'server-only';
import { providerForAccount, saveAccountPaymentSettings } from '@/domain/payments/account-provider';
import type { PaymentMethod } from '@/db/schema';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';

function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return secret;
}

export function accountPaymentProvider(accountId: string, purpose: 'checkout' | 'settle') {
  return providerForAccount(db(), { accountId, secret: authSecret(), purpose });
}

export function saveStripeSettings(input: { accountId: string; method: PaymentMethod; secretKey?: string; webhookSecret?: string; updatedBy: string }) {
  return saveAccountPaymentSettings(db(), { ...input, secret: authSecret() });
}

// The address the owner gives Stripe for this account's events (the signing secret is the account's own).
export function stripeWebhookUrl(accountId: string): string {
  return `${appUrl()}/api/payments/stripe/${accountId}/webhook`;
}
