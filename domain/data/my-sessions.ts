import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { transactions } from '../../db/schema';
import { latestReading } from './meter-sql';
import { sessionProgressColumns } from './session-progress';

// The user's sessions at these chargers that are running, or ended within the last hour (final figures).
export async function listMySessions(db: Executor, { userId, chargerIds }: { userId: string; chargerIds: string[] }) {
  if (chargerIds.length === 0) return [];
  return db
    .select({
      ...sessionProgressColumns(),
      stoppedAt: transactions.stoppedAt,
      cost: transactions.cost,
      currency: transactions.currency,
      powerW: latestReading(transactions.id, 'Power.Active.Import'),
      stopReason: transactions.stopReason,
    })
    .from(transactions)
    .where(
      and(
        inArray(transactions.chargerId, chargerIds),
        eq(transactions.userId, userId),
        or(isNull(transactions.stoppedAt), gt(transactions.stoppedAt, sql`now() - interval '1 hour'`)),
      ),
    )
    .orderBy(asc(transactions.startedAt));
}
export type MySession = Awaited<ReturnType<typeof listMySessions>>[number];

export async function getOpenTransaction(db: Executor, { chargerId, connectorId }: { chargerId: string; connectorId: number }) {
  const [open] = await db
    .select({ id: transactions.id, userId: transactions.userId })
    .from(transactions)
    .where(and(eq(transactions.chargerId, chargerId), eq(transactions.connectorId, connectorId), isNull(transactions.stoppedAt)));
  return open ?? null;
}
