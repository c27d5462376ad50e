import Stripe from 'stripe';
import { failure, success } from '../data/result';
import type { CheckoutState, PaymentProvider } from './provider';
import { stripeApiTarget } from './stripe-api-target';
import { stripeCardOperations } from './stripe-cards';
import { isEventShaped, toPaymentEvent } from './stripe-events';
import { providerFailure } from './stripe-failure';

function checkoutState(session: Stripe.Checkout.Session): CheckoutState {
  if (session.status === 'open' && session.url) return { state: 'open', url: session.url };
  // A completed checkout of a delayed method is not paid yet, but it is on its way: not to be paid a second time.
  return session.status === 'complete' ? { state: 'paid' } : { state: 'closed' };
}

export function stripeProvider({ secretKey, webhookSecret }: { secretKey: string; webhookSecret: string }): PaymentProvider {
  const stripe = new Stripe(secretKey, { ...stripeApiTarget(), maxNetworkRetries: 1, timeout: 20_000, telemetry: false });
  return {
    name: 'stripe',
    ...stripeCardOperations(stripe),
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
