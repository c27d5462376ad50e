import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { statements, type Statement } from '../../db/schema';
import type { Holder } from '../statements/holder';
import { cardChargeOf, type CardChargeState } from './card-charge-state';
import { failure, success, type Result } from './result';

const holderWhere = (holder: Holder) => (holder.userId ? eq(statements.userId, holder.userId) : eq(statements.cardId, holder.cardId!));

// `cardCharge`: where the charge of the member's saved card for it stands (pending, paid, failed), if one was made.
export type IssuedStatement = Pick<Statement, 'id' | 'periodStart' | 'periodEnd' | 'sessionCount' | 'energyWh' | 'amount' | 'currency' | 'transferReference' | 'status' | 'paidAt' | 'issuedAt'> & {
  cardCharge: CardChargeState | null;
};

const ISSUED_COLUMNS = {
  id: statements.id,
  periodStart: statements.periodStart,
  periodEnd: statements.periodEnd,
  sessionCount: statements.sessionCount,
  energyWh: statements.energyWh,
  amount: statements.amount,
  currency: statements.currency,
  transferReference: statements.transferReference,
  status: statements.status,
  paidAt: statements.paidAt,
  issuedAt: statements.issuedAt,
  cardCharge: cardChargeOf(),
};

export async function listIssuedStatements(db: Executor, { accountId, holder }: { accountId: string; holder: Holder }): Promise<IssuedStatement[]> {
  return db
    .select(ISSUED_COLUMNS)
    .from(statements)
    .where(and(eq(statements.accountId, accountId), holderWhere(holder)))
    .orderBy(desc(statements.periodStart));
}

// The issued statements of one month of a holder: one per currency the month was charged in.
export async function listIssuedStatementsOfMonth(db: Executor, { accountId, holder, periodStart }: { accountId: string; holder: Holder; periodStart: string }): Promise<IssuedStatement[]> {
  return db
    .select(ISSUED_COLUMNS)
    .from(statements)
    .where(and(eq(statements.accountId, accountId), holderWhere(holder), eq(statements.periodStart, periodStart)))
    .orderBy(statements.currency);
}

export type Balance = { userId: string | null; cardId: string | null; currency: string | null; due: string; dueCount: number };

// What each holder owes: the sum of their issued statements still due (one of nothing, charging unpriced, owes nothing).
export async function listBalances(db: Executor, { accountId }: { accountId: string }): Promise<Balance[]> {
  return db
    .select({
      userId: statements.userId,
      cardId: statements.cardId,
      currency: statements.currency,
      due: sql<string>`sum(${statements.amount})::text`,
      dueCount: sql<number>`count(*)::int`,
    })
    .from(statements)
    .where(and(eq(statements.accountId, accountId), eq(statements.status, 'due'), gt(statements.amount, '0')))
    .groupBy(statements.userId, statements.cardId, statements.currency);
}

// Manual settlement: the owner saw the transfer. Only a due statement of this account becomes paid, once.
export async function markStatementPaid(db: Executor, { accountId, statementId, markedBy }: { accountId: string; statementId: string; markedBy: string }): Promise<Result<null, 'notFound' | 'notDue'>> {
  const [paid] = await db
    .update(statements)
    .set({ status: 'paid', paidAt: new Date(), markedPaidBy: markedBy })
    .where(and(eq(statements.id, statementId), eq(statements.accountId, accountId), eq(statements.status, 'due')))
    .returning({ id: statements.id });
  if (paid) return success(null);
  const [exists] = await db.select({ id: statements.id }).from(statements).where(and(eq(statements.id, statementId), eq(statements.accountId, accountId)));
  return failure(exists ? 'notDue' : 'notFound');
}

