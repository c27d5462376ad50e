import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { payments } from '../../db/schema';
import type { Locale } from '../../db/schema/locales';
import { settleStatementPaidOnline } from './payments';

export type CardChargeCandidate = {
  statementId: string;
  accountId: string;
  userId: string;
  locale: Locale;
  amount: string;
  currency: string;
  periodStart: string;
  transferReference: string;
  providerCustomerId: string;
  providerPaymentMethodId: string;
};

// Due statements of members who saved a card before the statement was issued, in accounts settling with Stripe, that
// no charge of the card has been tried for and no checkout is open or paid for. A card saved later settles the next month.
export async function listCardChargesToMake(db: Executor, { limit }: { limit: number }): Promise<CardChargeCandidate[]> {
  return db.execute<CardChargeCandidate>(sql`
    select s.id as "statementId", s.account_id as "accountId", sc.user_id as "userId", u.locale, s.amount::text as amount,
      s.currency, s.period_start::text as "periodStart", s.transfer_reference as "transferReference",
      sc.provider_customer_id as "providerCustomerId", sc.provider_payment_method_id as "providerPaymentMethodId"
    from statements s
    left join cards k on k.id = s.card_id
    join saved_cards sc on sc.account_id = s.account_id and sc.user_id = coalesce(s.user_id, k.user_id)
    join users u on u.id = sc.user_id
    join account_payment_settings aps on aps.account_id = s.account_id and aps.method = 'stripe'
    where s.status = 'due' and s.amount > 0 and s.currency is not null
      and s.issued_at >= sc.created_at and s.issued_at > now() - interval '40 days'
      and not exists (select 1 from payments p where p.statement_id = s.id and (p.via = 'savedCard' or p.status in ('pending', 'paid')))
    order by s.issued_at
    limit ${limit}`);
}

// Claims one statement's charge, once: its row locked against a checkout being opened for it at the same moment
// (domain/payments/checkout.ts takes the same lock), and the unique (statement) of saved-card payments against
// another process. Null: a checkout got there first, or another process did.
export async function claimCardCharge(db: Executor, candidate: CardChargeCandidate): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx.execute<{ id: string }>(sql`select id from statements where id = ${candidate.statementId} and status = 'due' for update`);
    if (!due) return null;
    const [claimed] = await tx.execute<{ id: string }>(sql`
      insert into payments (account_id, statement_id, provider, via, amount, currency, started_by)
      select ${candidate.accountId}, ${candidate.statementId}, 'stripe', 'savedCard', ${candidate.amount}::numeric, ${candidate.currency}, ${candidate.userId}
      where not exists (select 1 from payments p where p.statement_id = ${candidate.statementId} and p.status in ('pending', 'paid'))
      on conflict (statement_id) where via = 'savedCard' do nothing
      returning id`);
    return claimed?.id ?? null;
  });
}

type ChargeScope = { accountId: string; chargeId: string };
const ofCharge = ({ accountId, chargeId }: ChargeScope) => and(eq(payments.accountId, accountId), eq(payments.id, chargeId), eq(payments.via, 'savedCard'));

// The provider took the charge: its payment id is kept; paid it is only when the provider's webhook says so.
export async function recordChargeAccepted(db: Executor, scope: ChargeScope & { paymentId: string }) {
  await db
    .update(payments)
    .set({ providerPaymentId: scope.paymentId })
    .where(and(ofCharge(scope), sql`${payments.providerPaymentId} is null`));
}

// Declined (or the provider out of reach): the statement stays due, and the member is told once (failureToldAt).
export async function recordChargeFailed(db: Executor, scope: ChargeScope & { paymentId: string | null; code: string }) {
  const rows = await db
    .update(payments)
    .set({ status: 'failed', failureCode: scope.code, providerPaymentId: sql`coalesce(${payments.providerPaymentId}, ${scope.paymentId})` })
    .where(and(ofCharge(scope), eq(payments.status, 'pending')))
    .returning({ id: payments.id });
  return rows.length === 1;
}

// The provider's webhook: the charge went through for what was asked. A charge first thought failed (the provider out
// of reach while it was in fact taken) is paid too. Its statement turns paid if it was still due.
export async function markChargePaid(db: Executor, scope: ChargeScope & { paymentId: string; amount: string; currency: string }) {
  const [payment] = await db
    .update(payments)
    .set({ status: 'paid', paidAt: sql`now()`, providerPaymentId: scope.paymentId, failureCode: null })
    .where(and(ofCharge(scope), inArray(payments.status, ['pending', 'failed']), eq(payments.amount, scope.amount), eq(payments.currency, scope.currency)))
    .returning({ statementId: payments.statementId });
  if (!payment) return false;
  await settleStatementPaidOnline(db, { accountId: scope.accountId, statementId: payment.statementId });
  return true;
}

// A saved-card charge of this statement still under way: no checkout may be opened beside it.
export async function hasChargeInFlight(db: Executor, { accountId, statementId }: { accountId: string; statementId: string }) {
  const rows = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.statementId, statementId), eq(payments.via, 'savedCard'), eq(payments.status, 'pending')));
  return rows.length > 0;
}

export async function lockStatement(db: Executor, { accountId, statementId }: { accountId: string; statementId: string }) {
  await db.execute(sql`select id from statements where id = ${statementId} and account_id = ${accountId} for update`);
}
