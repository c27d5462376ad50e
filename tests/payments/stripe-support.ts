import Stripe from 'stripe';
import { startStripeStub, type StripeStub } from '@/scripts/stripe-stub/server';
import { startAppServer } from '../support/app-server';

// The platform's webhook route on a real port, and the Stripe stub pointed at by STRIPE_API_BASE, with the route
// registered as a webhook endpoint of `secretKey` (as an owner does in Stripe's dashboard).
export async function startStripeWorld() {
  const { POST } = await import('@/app/api/payments/stripe/[accountId]/webhook/route');
  const app = await startAppServer({
    '/api/payments/stripe': (request) => POST(request, { params: Promise.resolve({ accountId: new URL(request.url).pathname.split('/')[4] ?? '' }) }),
  });
  const stub = await startStripeStub();
  process.env.STRIPE_API_BASE = stub.url;
  const webhookUrl = (accountId: string) => `http://localhost:${app.port}/api/payments/stripe/${accountId}/webhook`;
  // What the stub's dashboard answers when the owner adds the endpoint: its signing secret.
  async function registerWebhook(secretKey: string, accountId: string) {
    const stripe = new Stripe(secretKey, { host: '127.0.0.1', port: new URL(stub.url).port, protocol: 'http' });
    const endpoint = await stripe.webhookEndpoints.create({ url: webhookUrl(accountId), enabled_events: ['checkout.session.completed'] });
    return endpoint.secret!;
  }
  return {
    stub,
    webhookUrl,
    registerWebhook,
    close: async () => {
      delete process.env.STRIPE_API_BASE;
      await Promise.all([stub.close(), app.close()]);
    },
  };
}
export type StripeWorld = Awaited<ReturnType<typeof startStripeWorld>>;

// A webhook as Stripe sends it, signed with whatever secret the test names (the right one or not).
export function postWebhook(url: string, { payload, secret, signature }: { payload: string; secret?: string; signature?: string }) {
  const header = signature ?? new Stripe('sk_test_signer').webhooks.generateTestHeaderString({ payload, secret: secret! });
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
}

export type { StripeStub };
