import Stripe from 'stripe';
import { failure, success } from '../data/result';
import type { CheckoutState, PaymentEvent, PaymentProvider, ProviderFailure } from './provider';
import { stripeApiTarget } from './stripe-api-target';

const PAID_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

// A refusal of the key, or of the request, or no answer at all: each says something different to the owner.
function providerFailure(error: unknown): ProviderFailure {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  if (error.type === 'StripeAuthenticationError' || error.type === 'StripePermissionError') return 'paymentProviderKeyRefused';
  if (error.type === 'StripeConnectionError' || error.type === 'StripeAPIError' || error.type === 'StripeRateLimitError') return 'paymentProviderUnreachable';
  return 'paymentProviderRefused';
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

// Signed is not the same as well formed: an event without an id and a type, or a session event without its session.
function isEventShaped(event: Stripe.Event): boolean {
  const value = event as unknown as { id?: unknown; type?: unknown; data?: { object?: { id?: unknown } } } | null;
  if (typeof value?.id !== 'string' || typeof value.type !== 'string') return false;
  return !(value.type.startsWith('checkout.session.') || value.type === 'charge.refunded') || typeof value.data?.object?.id === 'string';
}

function refundedEvent(event: Stripe.Event): PaymentEvent {
  const charge = event.data.object as Stripe.Charge;
  const paymentId = idOf(charge.payment_intent);
  if (!paymentId || !Number.isInteger(charge.amount_refunded)) return { id: event.id, type: event.type, kind: 'other' };
  return { id: event.id, type: event.type, kind: 'refunded', paymentId, refundedMinor: charge.amount_refunded };
}

function checkoutState(session: Stripe.Checkout.Session): CheckoutState {
  if (session.status === 'open' && session.url) return { state: 'open', url: session.url };
  // A completed checkout of a delayed method is not paid yet, but it is on its way: not to be paid a second time.
  return session.status === 'complete' ? { state: 'paid' } : { state: 'closed' };
}

function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, type: event.type };
  if (event.type === 'charge.refunded') return refundedEvent(event);
  if (!event.type.startsWith('checkout.session.')) return { ...base, kind: 'other' };
  const session = event.data.object as Stripe.Checkout.Session;
  if (event.type === 'checkout.session.expired') return { ...base, kind: 'checkoutExpired', checkoutId: session.id };
  // A completed checkout of a delayed method (a bank debit) is not paid yet: its async_payment_succeeded says so.
  if (!PAID_EVENTS.has(event.type) || session.payment_status !== 'paid') return { ...base, kind: 'other' };
  return {
    ...base,
    kind: 'checkoutPaid',
    checkoutId: session.id,
    paymentId: idOf(session.payment_intent),
    amountMinor: session.amount_total ?? 0,
    currency: (session.currency ?? '').toUpperCase(),
    statementId: session.metadata?.statementId ?? null,
  };
}

export function stripeProvider({ secretKey, webhookSecret }: { secretKey: string; webhookSecret: string }): PaymentProvider {
  const stripe = new Stripe(secretKey, { ...stripeApiTarget(), maxNetworkRetries: 1, timeout: 20_000, telemetry: false });
  return {
    name: 'stripe',
    async openCheckout(request) {
      try {
        const session = await stripe.checkout.sessions.create({
          mode: 'payment',
          line_items: [{ quantity: 1, price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amountMinor, product_data: { name: request.description } } }],
          metadata: { statementId: request.statementId },
          client_reference_id: request.statementId,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          ...(request.customerEmail && { customer_email: request.customerEmail }),
        });
        if (!session.url) return failure('paymentProviderRefused');
        return success({ checkoutId: session.id, url: session.url });
      } catch (error) {
        return failure(providerFailure(error));
      }
    },
    async readCheckout(checkoutId) {
      try {
        return success(checkoutState(await stripe.checkout.sessions.retrieve(checkoutId)));
      } catch (error) {
        // A checkout Stripe no longer knows (made with another account's key, or gone) can take no money: closed.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return success({ state: 'closed' });
        return failure(providerFailure(error));
      }
    },
    readWebhook(payload, signature) {
      if (!signature) return failure('badSignature');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(payload, signature, webhookSecret);
      } catch (error) {
        // Past the signature, the SDK parses the body: a signed body that is no JSON is unreadable, not a crash.
        return failure(error instanceof Stripe.errors.StripeSignatureVerificationError ? 'badSignature' : 'unreadable');
      }
      return isEventShaped(event) ? success(toPaymentEvent(event)) : failure('unreadable');
    },
    async refund({ paymentId, amountMinor }) {
      try {
        const refund = await stripe.refunds.create({ payment_intent: paymentId, amount: amountMinor });
        return success({ refundId: refund.id, amountMinor: refund.amount });
      } catch (error) {
        return failure(providerFailure(error));
      }
    },
  };
}
