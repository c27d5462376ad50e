import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cardChargeOf } from './card-charge-state';
import { cards, payments, paymentWebhookEvents, statements, users, type PaymentProviderName } from '../../db/schema';

type Scope = { accountId: string };

// A statement with the member it belongs to: its user, or the holder of its card.
export async function getStatementForPayment(db: Executor, { accountId, statementId }: Scope & { statementId: string }) {
  const [row] = await db
    .select({
      id: statements.id,
      status: statements.status,
      amount: statements.amount,
      currency: statements.currency,
      periodStart: statements.periodStart,
      transferReference: statements.transferReference,
      holderUserId: sql<string | null>`coalesce(${statements.userId}, ${cards.userId})`,
    })
    .from(statements)
    .leftJoin(cards, eq(cards.id, statements.cardId))
    .where(and(eq(statements.accountId, accountId), eq(statements.id, statementId)));
  return row ?? null;
}

type NewPayment = Scope & { statementId: string; provider: PaymentProviderName; providerCheckoutId: string; amount: string; currency: string; startedBy: string };

export async function createPayment(db: Executor, payment: NewPayment) {
  const [row] = await db.insert(payments).values(payment).returning({ id: payments.id });
  return row!;
}

// True the first time an event id is seen; a webhook delivered again answers false and is left alone.
export async function recordWebhookEvent(db: Executor, event: Scope & { provider: PaymentProviderName; eventId: string; type: string }) {
  const rows = await db.insert(paymentWebhookEvents).values(event).onConflictDoNothing().returning({ eventId: paymentWebhookEvents.eventId });
  return rows.length === 1;
}

type CheckoutScope = Scope & { provider: PaymentProviderName; checkoutId: string };
const ofCheckout = ({ accountId, provider, checkoutId }: CheckoutScope) =>
  and(eq(payments.accountId, accountId), eq(payments.provider, provider), eq(payments.providerCheckoutId, checkoutId));

// The checkout paid what was asked: its payment is paid, and its statement too if it was still due.
export async function markCheckoutPaid(db: Executor, scope: CheckoutScope & { paymentId: string | null; amount: string; currency: string }) {
  const [payment] = await db
    .update(payments)
    .set({ status: 'paid', paidAt: sql`now()`, providerPaymentId: scope.paymentId })
    .where(and(ofCheckout(scope), inArray(payments.status, ['pending', 'expired']), eq(payments.amount, scope.amount), eq(payments.currency, scope.currency)))
    .returning({ statementId: payments.statementId });
  if (!payment) return false;
  await settleStatementPaidOnline(db, { accountId: scope.accountId, statementId: payment.statementId });
  return true;
}

// A payment went through online (a checkout, a saved card): its statement, if still due, is paid.
export async function settleStatementPaidOnline(db: Executor, { accountId, statementId }: { accountId: string; statementId: string }) {
  await db
    .update(statements)
    .set({ status: 'paid', paidAt: sql`now()` })
    .where(and(eq(statements.accountId, accountId), eq(statements.id, statementId), eq(statements.status, 'due')));
}

export async function markCheckoutExpired(db: Executor, scope: CheckoutScope) {
  await db.update(payments).set({ status: 'expired' }).where(and(ofCheckout(scope), eq(payments.status, 'pending')));
}

// The payment that settled a statement online, partly refunded or not yet refunded at all.
export async function getPaidPayment(db: Executor, { accountId, statementId }: Scope & { statementId: string }) {
  const [row] = await db
    .select({ id: payments.id, provider: payments.provider, providerPaymentId: payments.providerPaymentId, amount: payments.amount, currency: payments.currency, refundedAmount: payments.refundedAmount })
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.statementId, statementId), eq(payments.status, 'paid')))
    .orderBy(desc(payments.paidAt))
    .limit(1);
  return row ?? null;
}

// The checkout a member opened for a statement and has not paid or left yet, if any.
export async function getPendingPayment(db: Executor, { accountId, statementId, provider }: Scope & { statementId: string; provider: PaymentProviderName }) {
  const [row] = await db
    .select({ id: payments.id, providerCheckoutId: payments.providerCheckoutId })
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.statementId, statementId), eq(payments.provider, provider), eq(payments.via, 'checkout'), eq(payments.status, 'pending')))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row ?? null;
}

type RefundTarget = Scope & ({ paymentId: string } | { provider: PaymentProviderName; providerPaymentId: string });
type RecordRefund = RefundTarget & { refundedTotal: string; refundId?: string; refundedBy?: string };

// Refunds arrive twice and in any order (the owner's own answer from the provider, then the provider's webhook; a
// refund in the provider's dashboard only by webhook), each carrying the total refunded so far: the larger total
// wins, so recording one again or late changes nothing. Refunded in full, the payment and its statement are refunded.
export async function recordRefund(db: Executor, input: RecordRefund) {
  const target = 'paymentId' in input ? eq(payments.id, input.paymentId) : and(eq(payments.provider, input.provider), eq(payments.providerPaymentId, input.providerPaymentId));
  const total = sql`least(${payments.amount}, greatest(${payments.refundedAmount}, ${input.refundedTotal}::numeric))`;
  const [payment] = await db
    .update(payments)
    .set({
      refundedAmount: sql`${total}`,
      status: sql`case when ${total} >= ${payments.amount} then 'refunded'::payment_status else ${payments.status} end`,
      refundedAt: sql`now()`,
      providerRefundId: input.refundId ?? sql`${payments.providerRefundId}`,
      refundedBy: input.refundedBy ?? sql`${payments.refundedBy}`,
    })
    .where(and(eq(payments.accountId, input.accountId), target, inArray(payments.status, ['paid', 'refunded'])))
    .returning({ statementId: payments.statementId, status: payments.status });
  if (!payment) return false;
  if (payment.status === 'refunded') {
    await db
      .update(statements)
      .set({ status: 'refunded' })
      .where(and(eq(statements.accountId, input.accountId), eq(statements.id, payment.statementId), eq(statements.status, 'paid')));
  }
  return true;
}

// The account's payments, newest first, with who paid what for which month.
export async function listPayments(db: Executor, { accountId, limit = 50 }: Scope & { limit?: number }) {
  return db
    .select({
      id: payments.id,
      statementId: payments.statementId,
      periodStart: statements.periodStart,
      payerName: users.name,
      amount: payments.amount,
      currency: payments.currency,
      status: payments.status,
      via: payments.via,
      refundedAmount: payments.refundedAmount,
      createdAt: payments.createdAt,
      paidAt: payments.paidAt,
      refundedAt: payments.refundedAt,
    })
    .from(payments)
    .innerJoin(statements, eq(statements.id, payments.statementId))
    .leftJoin(users, eq(users.id, payments.startedBy))
    .where(eq(payments.accountId, accountId))
    .orderBy(desc(payments.createdAt))
    .limit(limit);
}

// A member's statements still due in the account: their own, and those of cards they hold.
export async function listDueStatementsOf(db: Executor, { accountId, userId }: Scope & { userId: string }) {
  return db
    .select({
      id: statements.id,
      periodStart: statements.periodStart,
      amount: statements.amount,
      currency: statements.currency,
      transferReference: statements.transferReference,
      cardCharge: cardChargeOf(),
    })
    .from(statements)
    .leftJoin(cards, eq(cards.id, statements.cardId))
    .where(and(eq(statements.accountId, accountId), eq(statements.status, 'due'), sql`coalesce(${statements.userId}, ${cards.userId}) = ${userId}`))
    .orderBy(statements.periodStart);
}
