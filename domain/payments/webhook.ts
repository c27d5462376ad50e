import type { Database, Executor } from '../../db/client';
import { markChargePaid, recordChargeFailed } from '../data/card-charges';
import { markCheckoutExpired, markCheckoutPaid, recordRefund, recordWebhookEvent } from '../data/payments';
import { failure, success, type Result } from '../data/result';
import { fromMinorUnits } from './minor-units';
import type { CardOnFile, PaymentEvent, PaymentProvider, WebhookRefusal } from './provider';
import { keepSavedCard } from './saved-card-webhook';

export type WebhookOutcome = 'paid' | 'expired' | 'refunded' | 'cardSaved' | 'chargeFailed' | 'duplicate' | 'ignored';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Acting = { accountId: string; providerName: 'stripe'; card: CardOnFile | null };

type Acted = WebhookOutcome | { outcome: 'cardSaved'; replaced: string | null };

async function act(tx: Executor, event: PaymentEvent, { accountId, providerName, card }: Acting): Promise<Acted> {
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
  // A charge id that is no id of ours (another platform's metadata) is nothing here.
  if ((event.kind === 'chargeSucceeded' || event.kind === 'chargeFailed') && !UUID.test(event.chargeId)) return 'ignored';
  if (event.kind === 'chargeSucceeded') {
    const paid = await markChargePaid(tx, { accountId, chargeId: event.chargeId, paymentId: event.paymentId, amount: fromMinorUnits(event.amountMinor), currency: event.currency });
    return paid ? 'paid' : 'ignored';
  }
  if (event.kind === 'chargeFailed') return (await recordChargeFailed(tx, { accountId, chargeId: event.chargeId, paymentId: event.paymentId, code: event.code })) ? 'chargeFailed' : 'ignored';
  if (event.kind !== 'cardSetUp' || !card) return 'ignored';
  const kept = await keepSavedCard(tx, { accountId, provider: providerName, card });
  return kept ? { outcome: 'cardSaved', replaced: kept.replaced } : 'ignored';
}

// A completed card setup names only the setup: what card was saved, the provider is asked before anything is written.
// Out of reach, the event is not recorded and is answered so that the provider sends it again.
async function cardOf(provider: PaymentProvider, event: PaymentEvent): Promise<Result<CardOnFile | null, 'retryLater'>> {
  if (event.kind !== 'cardSetUp') return success(null);
  const read = await provider.readCardSetup(event.setupId);
  if (read.ok) return success(read.value.customerId === event.customerId ? read.value : null);
  return read.reason === 'paymentProviderRefused' ? success(null) : failure('retryLater');
}

// A webhook for one account: its signature checked with that account's signing secret, then acted on once. The event
// id and its effect are written in one transaction, so a delivery repeated (or raced) changes nothing.
export async function receiveWebhook(
  db: Database,
  provider: PaymentProvider,
  { accountId, payload, signature }: { accountId: string; payload: string; signature: string | null },
): Promise<Result<WebhookOutcome, WebhookRefusal | 'retryLater'>> {
  if (provider.name === 'manual') return failure('badSignature');
  const read = provider.readWebhook(payload, signature);
  if (!read.ok) return read;
  const event = read.value;
  const card = await cardOf(provider, event);
  if (!card.ok) return card;
  const providerName = provider.name;
  const acted = await db.transaction(async (tx): Promise<Acted> => {
    if (!(await recordWebhookEvent(tx, { accountId, provider: providerName, eventId: event.id, type: event.type }))) return 'duplicate';
    return act(tx, event, { accountId, providerName, card: card.value });
  });
  if (typeof acted === 'string') return success(acted);
  // The card saved before is no longer charged: the provider forgets it too (not forgotten, it is never used again).
  if (acted.replaced) await provider.removeCard(acted.replaced);
  return success(acted.outcome);
}
