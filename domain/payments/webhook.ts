import type { Database } from '../../db/client';
import { markCheckoutExpired, markCheckoutPaid, recordRefund, recordWebhookEvent } from '../data/payments';
import { failure, success, type Result } from '../data/result';
import { fromMinorUnits } from './minor-units';
import type { PaymentProvider, WebhookRefusal } from './provider';

export type WebhookOutcome = 'paid' | 'expired' | 'refunded' | 'duplicate' | 'ignored';

// A webhook for one account: its signature checked with that account's signing secret, then acted on once. The event
// id and its effect are written in one transaction, so a delivery repeated (or raced) changes nothing.
export async function receiveWebhook(
  db: Database,
  provider: PaymentProvider,
  { accountId, payload, signature }: { accountId: string; payload: string; signature: string | null },
): Promise<Result<WebhookOutcome, WebhookRefusal>> {
  if (provider.name === 'manual') return failure('badSignature');
  const read = provider.readWebhook(payload, signature);
  if (!read.ok) return read;
  const event = read.value;
  const providerName = provider.name;
  const outcome = await db.transaction(async (tx): Promise<WebhookOutcome> => {
    if (!(await recordWebhookEvent(tx, { accountId, provider: providerName, eventId: event.id, type: event.type }))) return 'duplicate';
    const checkout = { accountId, provider: providerName };
    if (event.kind === 'checkoutPaid') {
      const amount = fromMinorUnits(event.amountMinor);
      const paid = await markCheckoutPaid(tx, { ...checkout, checkoutId: event.checkoutId, paymentId: event.paymentId, amount, currency: event.currency });
      return paid ? 'paid' : 'ignored';
    }
    if (event.kind === 'refunded') {
      const refunded = await recordRefund(tx, { accountId, provider: providerName, providerPaymentId: event.paymentId, refundedTotal: fromMinorUnits(event.refundedMinor) });
      return refunded ? 'refunded' : 'ignored';
    }
    if (event.kind === 'checkoutExpired') {
      await markCheckoutExpired(tx, { ...checkout, checkoutId: event.checkoutId });
      return 'expired';
    }
    return 'ignored';
  });
  return success(outcome);
}
