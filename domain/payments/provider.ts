import type { Result } from '../data/result';

// Why a provider could not do what was asked; each is an Errors key the forms show.
export type ProviderFailure = 'paymentProviderUnreachable' | 'paymentProviderKeyRefused' | 'paymentProviderRefused' | 'paymentsManual';

export type CheckoutRequest = {
  statementId: string;
  amountMinor: number;
  currency: string;
  description: string;
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string;
};

export type OpenedCheckout = { checkoutId: string; url: string };

// What a verified webhook says, in the provider's terms no more: a checkout paid or lapsed, or something else.
export type PaymentEvent =
  | { id: string; type: string; kind: 'checkoutPaid'; checkoutId: string; paymentId: string | null; amountMinor: number; currency: string; statementId: string | null }
  | { id: string; type: string; kind: 'checkoutExpired'; checkoutId: string }
  // Everything refunded of a payment so far, wherever it was refunded (the app, or the provider's own dashboard).
  | { id: string; type: string; kind: 'refunded'; paymentId: string; refundedMinor: number }
  | { id: string; type: string; kind: 'other' };

export type WebhookRefusal = 'badSignature' | 'unreadable';

export type RefundRequest = { paymentId: string; amountMinor: number };

// Where a checkout opened earlier stands: still open at its page, paid (its webhook may still be on its way), or closed.
export type CheckoutState = { state: 'open'; url: string } | { state: 'paid' } | { state: 'closed' };

// The provider behind an account's "Pay" button. Another provider is another implementation of this.
export type PaymentProvider = {
  name: 'manual' | 'stripe';
  openCheckout(request: CheckoutRequest): Promise<Result<OpenedCheckout, ProviderFailure>>;
  readCheckout(checkoutId: string): Promise<Result<CheckoutState, ProviderFailure>>;
  // The raw body exactly as received and the signature header; refused unless the signature holds and it reads as an event.
  readWebhook(payload: string, signature: string | null): Result<PaymentEvent, WebhookRefusal>;
  refund(request: RefundRequest): Promise<Result<{ refundId: string; amountMinor: number }, ProviderFailure>>;
};
