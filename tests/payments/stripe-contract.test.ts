// The Stripe provider against Stripe's own test mode: runs only with STRIPE_SECRET_KEY (a test-mode key, sk_test_…) in
// the environment, and is reported as skipped otherwise. It proves that what the stub speaks is what Stripe speaks.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeProvider } from '@/domain/payments/stripe-provider';

const secretKey = process.env.STRIPE_SECRET_KEY;
const webhookSecret = 'whsec_contractTestOnlySecret0000';

describe.skipIf(!secretKey?.startsWith('sk_test_') && !secretKey?.startsWith('rk_test_'))('the Stripe provider against Stripe test mode (STRIPE_SECRET_KEY)', () => {
  let stubBase: string | undefined;
  beforeAll(() => {
    stubBase = process.env.STRIPE_API_BASE;
    delete process.env.STRIPE_API_BASE;
  });
  afterAll(() => {
    if (stubBase) process.env.STRIPE_API_BASE = stubBase;
  });

  it('opens a Checkout Session Stripe hosts, with the amount in cents and the statement in its metadata', async () => {
    const provider = stripeProvider({ secretKey: secretKey!, webhookSecret });
    const opened = await provider.openCheckout({
      statementId: '00000000-0000-4000-8000-00000000c0de',
      amountMinor: 1234,
      currency: 'EUR',
      description: 'Chargewatch contract test',
      successUrl: 'https://chargewatch.example/payments?paid=1',
      cancelUrl: 'https://chargewatch.example/payments?cancelled=1',
    });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const session = await new Stripe(secretKey!).checkout.sessions.retrieve(opened.value.checkoutId);
    expect(session).toMatchObject({ amount_total: 1234, currency: 'eur', metadata: { statementId: '00000000-0000-4000-8000-00000000c0de' }, payment_status: 'unpaid' });
  });

  it('reads a checkout.session.completed signed the way Stripe signs, and refuses one signed otherwise', () => {
    const provider = stripeProvider({ secretKey: secretKey!, webhookSecret });
    const payload = JSON.stringify({ id: 'evt_contract', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_test_contract', payment_status: 'paid', amount_total: 500, currency: 'eur', payment_intent: 'pi_contract', metadata: { statementId: 's' } } } });
    const signature = new Stripe(secretKey!).webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    expect(provider.readWebhook(payload, signature)).toMatchObject({ ok: true, value: { kind: 'checkoutPaid', checkoutId: 'cs_test_contract', amountMinor: 500, currency: 'EUR' } });
    expect(provider.readWebhook(payload, signature.replace(/v1=\w/, 'v1=0'))).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('answers a refund of an unknown payment as refused by Stripe, and a wrong key as refused', async () => {
    const provider = stripeProvider({ secretKey: secretKey!, webhookSecret });
    expect(await provider.refund({ paymentId: 'pi_does_not_exist_chargewatch', amountMinor: 100 })).toEqual({ ok: false, reason: 'paymentProviderRefused' });
    const wrongKey = stripeProvider({ secretKey: 'sk_test_thisKeyDoesNotExistAtStripe00', webhookSecret });
    expect(await wrongKey.refund({ paymentId: 'pi_x', amountMinor: 100 })).toEqual({ ok: false, reason: 'paymentProviderKeyRefused' });
  });
});
