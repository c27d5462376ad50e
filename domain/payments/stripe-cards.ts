import Stripe from 'stripe';
import { failure, success } from '../data/result';
import type { PaymentProvider } from './provider';
import { idOf, providerFailure } from './stripe-failure';

type CardOperations = Pick<PaymentProvider, 'createCustomer' | 'openCardSetup' | 'readCardSetup' | 'removeCard' | 'chargeSavedCard'>;

// A charge the bank turned down (a card error) is an answer, not a failure: the member is told and pays otherwise.
function declined(error: unknown) {
  if (!(error instanceof Stripe.errors.StripeCardError)) return null;
  return { state: 'declined' as const, paymentId: error.payment_intent?.id ?? null, code: error.code ?? 'card_declined' };
}

// Saving a member's card through a Checkout Session in setup mode, and charging it later off session.
export function stripeCardOperations(stripe: Stripe): CardOperations {
  const attempt = async <T>(call: () => Promise<T>) => {
    try {
      return success(await call());
    } catch (error) {
      return failure(providerFailure(error));
    }
  };
  return {
    createCustomer: ({ email, name, metadata, idempotencyKey }) => attempt(async () => ({ customerId: (await stripe.customers.create({ email, name, metadata }, { idempotencyKey })).id })),
    async openCardSetup({ customerId, successUrl, cancelUrl }) {
      const opened = await attempt(() =>
        stripe.checkout.sessions.create({ mode: 'setup', customer: customerId, allowed_payment_method_types: ['card'], success_url: successUrl, cancel_url: cancelUrl }),
      );
      if (!opened.ok) return opened;
      return opened.value.url ? success({ checkoutId: opened.value.id, url: opened.value.url }) : failure('paymentProviderRefused');
    },
    async readCardSetup(setupId) {
      const read = await attempt(() => stripe.setupIntents.retrieve(setupId, { expand: ['payment_method'] }));
      if (!read.ok) return read;
      const method = read.value.payment_method;
      const customerId = idOf(read.value.customer);
      if (read.value.status !== 'succeeded' || typeof method !== 'object' || !method?.card || !customerId) return failure('paymentProviderRefused');
      const { brand, last4, exp_month: expMonth, exp_year: expYear } = method.card;
      return success({ paymentMethodId: method.id, customerId, brand, last4, expMonth, expYear });
    },
    removeCard: (paymentMethodId) => attempt(async () => (await stripe.paymentMethods.detach(paymentMethodId), null)),
    async chargeSavedCard(request) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amountMinor,
            currency: request.currency.toLowerCase(),
            customer: request.customerId,
            payment_method: request.paymentMethodId,
            off_session: true,
            confirm: true,
            description: request.description,
            metadata: { statementId: request.statementId, chargeId: request.chargeId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return success({ state: 'accepted', paymentId: intent.id });
      } catch (error) {
        const refused = declined(error);
        return refused ? success(refused) : failure(providerFailure(error));
      }
    },
  };
}
