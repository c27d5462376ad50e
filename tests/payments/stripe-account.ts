import type { Database } from '@/db/client';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeAccountWithMembers } from './fixture';
import { startStripeWorld, type StripeWorld } from './stripe-support';

// An account with its members whose owner has chosen Stripe with `secretKey`, its webhook registered with the stub (a
// new one, or `existing`). The calling test file mocks '@/lib/auth' and 'next/cache' before this runs.
export async function stripeAccount(db: Database, secretKey: string, existing?: StripeWorld) {
  const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');
  const world = existing ?? (await startStripeWorld());
  const people = await makeAccountWithMembers(db);
  const webhookSecret = await world.registerWebhook(secretKey, people.account.id);
  signInAs(people.owner);
  const saved = await savePaymentSettingsAction({ status: 'idle' }, formData({ accountId: people.account.id, method: 'stripe', stripeSecretKey: secretKey, stripeWebhookSecret: webhookSecret }));
  if (saved.status !== 'ok') throw new Error(`Stripe not saved: ${JSON.stringify(saved)}`);
  return { world, people, webhookSecret };
}
