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
  // The member finished saving a card on the provider's setup page; what card it is, the provider is asked.
  | { id: string; type: string; kind: 'cardSetUp'; checkoutId: string; customerId: string; setupId: string }
  // A saved card charged off session (`chargeId`: the platform's own payment the charge was made for).
  | { id: string; type: string; kind: 'chargeSucceeded'; chargeId: string; paymentId: string; amountMinor: number; currency: string }
  | { id: string; type: string; kind: 'chargeFailed'; chargeId: string; paymentId: string; code: string }
  | { id: string; type: string; kind: 'other' };

export type WebhookRefusal = 'badSignature' | 'unreadable';

export type RefundRequest = { paymentId: string; amountMinor: number };

// Where a checkout opened earlier stands: still open at its page, paid (its webhook may still be on its way), or closed.
export type CheckoutState = { state: 'open'; url: string } | { state: 'paid' } | { state: 'closed' };

export type CardSetupRequest = { customerId: string; successUrl: string; cancelUrl: string };

// What a member and the platform may know of a saved card: never its number.
export type CardOnFile = { paymentMethodId: string; customerId: string; brand: string; last4: string; expMonth: number; expYear: number };

export type ChargeRequest = {
  chargeId: string;
  statementId: string;
  customerId: string;
  paymentMethodId: string;
  amountMinor: number;
  currency: string;
  description: string;
  // The same key for every attempt at one statement: however often it is retried, the card is charged once.
  idempotencyKey: string;
};

// The card was declined (`code`: the provider's decline code, e.g. card_declined or authentication_required).
export type ChargeOutcome = { state: 'accepted'; paymentId: string } | { state: 'declined'; paymentId: string | null; code: string };

// The provider behind an account's "Pay" button. Another provider is another implementation of this.
export type PaymentProvider = {
  name: 'manual' | 'stripe';
  openCheckout(request: CheckoutRequest): Promise<Result<OpenedCheckout, ProviderFailure>>;
  readCheckout(checkoutId: string): Promise<Result<CheckoutState, ProviderFailure>>;
  // The raw body exactly as received and the signature header; refused unless the signature holds and it reads as an event.
  readWebhook(payload: string, signature: string | null): Result<PaymentEvent, WebhookRefusal>;
  refund(request: RefundRequest): Promise<Result<{ refundId: string; amountMinor: number }, ProviderFailure>>;
  // Saved cards for monthly settlement: a provider that cannot keep cards answers `paymentsManual` to each.
  createCustomer(request: { email: string; name: string; idempotencyKey: string; metadata: Record<string, string> }): Promise<Result<{ customerId: string }, ProviderFailure>>;
  openCardSetup(request: CardSetupRequest): Promise<Result<OpenedCheckout, ProviderFailure>>;
  readCardSetup(setupId: string): Promise<Result<CardOnFile, ProviderFailure>>;
  removeCard(paymentMethodId: string): Promise<Result<null, ProviderFailure>>;
  chargeSavedCard(request: ChargeRequest): Promise<Result<ChargeOutcome, ProviderFailure>>;
};
