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

  it('saves a card for a customer (setup mode), reads what card it is, charges it off session, and hears a decline as one', async () => {
    const provider = stripeProvider({ secretKey: secretKey!, webhookSecret });
    const stripe = new Stripe(secretKey!);
    const suffix = Date.now().toString(36);
    const customer = await provider.createCustomer({ email: `contract-${suffix}@chargewatch.example`, name: 'Contract Test', metadata: { test: 'contract' }, idempotencyKey: `contract-${suffix}` });
    if (!customer.ok) throw new Error(customer.reason);
    const customerId = customer.value.customerId;
    const opened = await provider.openCardSetup({ customerId, successUrl: 'https://chargewatch.example/payments?card=saved', cancelUrl: 'https://chargewatch.example/payments?card=cancelled' });
    expect(opened).toMatchObject({ ok: true, value: { url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) } });
    const setup = await stripe.setupIntents.create({ customer: customerId, payment_method: 'pm_card_visa', confirm: true, usage: 'off_session', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
    const card = await provider.readCardSetup(setup.id);
    if (!card.ok) throw new Error(card.reason);
    expect(card.value).toMatchObject({ customerId, brand: 'visa', last4: '4242' });
    const charge = { chargeId: '00000000-0000-4000-8000-0000000c4a6e', statementId: '00000000-0000-4000-8000-00000000c0de', customerId, amountMinor: 321, currency: 'EUR', description: 'Chargewatch contract test' };
    const accepted = await provider.chargeSavedCard({ ...charge, paymentMethodId: card.value.paymentMethodId, idempotencyKey: `contract-charge-${suffix}` });
    expect(accepted).toMatchObject({ ok: true, value: { state: 'accepted' } });
    const declinedMethod = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customerId });
    const declined = await provider.chargeSavedCard({ ...charge, paymentMethodId: declinedMethod.id, idempotencyKey: `contract-decline-${suffix}` });
    expect(declined).toMatchObject({ ok: true, value: { state: 'declined', code: 'card_declined' } });
    expect(await provider.removeCard(card.value.paymentMethodId)).toEqual({ ok: true, value: null });
  });
});
