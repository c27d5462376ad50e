import Stripe from 'stripe';
import type { ProviderFailure } from './provider';

// A refusal of the key, or of the request, or no answer at all: each says something different to the owner.
export function providerFailure(error: unknown): ProviderFailure {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  if (error.type === 'StripeAuthenticationError' || error.type === 'StripePermissionError') return 'paymentProviderKeyRefused';
  if (error.type === 'StripeConnectionError' || error.type === 'StripeAPIError' || error.type === 'StripeRateLimitError') return 'paymentProviderUnreachable';
  return 'paymentProviderRefused';
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}
