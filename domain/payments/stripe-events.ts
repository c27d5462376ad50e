import type Stripe from 'stripe';
import type { PaymentEvent } from './provider';
import { idOf } from './stripe-failure';

const PAID_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed']);

// Signed is not the same as well formed: an event without an id and a type, or a session event without its session.
export function isEventShaped(event: Stripe.Event): boolean {
  const value = event as unknown as { id?: unknown; type?: unknown; data?: { object?: { id?: unknown } } } | null;
  if (typeof value?.id !== 'string' || typeof value.type !== 'string') return false;
  const hasObject = value.type.startsWith('checkout.session.') || value.type === 'charge.refunded' || INTENT_EVENTS.has(value.type);
  return !hasObject || typeof value.data?.object?.id === 'string';
}

function refundedEvent(event: Stripe.Event): PaymentEvent {
  const charge = event.data.object as Stripe.Charge;
  const paymentId = idOf(charge.payment_intent);
  if (!paymentId || !Number.isInteger(charge.amount_refunded)) return { id: event.id, type: event.type, kind: 'other' };
  return { id: event.id, type: event.type, kind: 'refunded', paymentId, refundedMinor: charge.amount_refunded };
}

// Only charges the platform made of a saved card carry its chargeId; a checkout's own payment intent is heard as the
// checkout's event instead.
function intentEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, type: event.type };
  const intent = event.data.object as Stripe.PaymentIntent;
  const chargeId = intent.metadata?.chargeId;
  if (!chargeId) return { ...base, kind: 'other' };
  if (event.type === 'payment_intent.succeeded') {
    return { ...base, kind: 'chargeSucceeded', chargeId, paymentId: intent.id, amountMinor: intent.amount_received ?? intent.amount, currency: (intent.currency ?? '').toUpperCase() };
  }
  return { ...base, kind: 'chargeFailed', chargeId, paymentId: intent.id, code: intent.last_payment_error?.code ?? 'card_declined' };
}

function sessionEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, type: event.type };
  const session = event.data.object as Stripe.Checkout.Session;
  if (event.type === 'checkout.session.expired') return { ...base, kind: 'checkoutExpired', checkoutId: session.id };
  if (session.mode === 'setup') {
    const customerId = idOf(session.customer);
    const setupId = idOf(session.setup_intent);
    if (event.type !== 'checkout.session.completed' || !customerId || !setupId) return { ...base, kind: 'other' };
    return { ...base, kind: 'cardSetUp', checkoutId: session.id, customerId, setupId };
  }
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

export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  if (event.type === 'charge.refunded') return refundedEvent(event);
  if (INTENT_EVENTS.has(event.type)) return intentEvent(event);
  if (event.type.startsWith('checkout.session.')) return sessionEvent(event);
  return { id: event.id, type: event.type, kind: 'other' };
}
