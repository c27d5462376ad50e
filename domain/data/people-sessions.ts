import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, memberships, transactions, users } from '../../db/schema';

type Scope = { accountId: string };

// The sessions of one person still running at the account's chargers.
export async function listOpenSessionsOfPerson(db: Executor, { accountId, userId }: Scope & { userId: string }) {
  return db
    .select({ id: transactions.id, chargerId: transactions.chargerId })
    .from(transactions)
    .where(and(eq(transactions.accountId, accountId), eq(transactions.userId, userId), isNull(transactions.stoppedAt)));
}

// Sessions still running for people who no longer belong to the account: their stop, sent when they were removed or
// their guest access ended, has not ended them (the charger was away or refused).
export async function listSessionsOfFormerMembers(db: Executor, { accountId }: Scope) {
  return db
    .select({
      id: transactions.id,
      connectorId: transactions.connectorId,
      startedAt: transactions.startedAt,
      chargerName: chargers.name,
      userName: users.name,
    })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .innerJoin(users, eq(users.id, transactions.userId))
    .where(
      and(
        eq(transactions.accountId, accountId),
        isNull(transactions.stoppedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.accountId, transactions.accountId), eq(memberships.userId, transactions.userId))),
        ),
      ),
    )
    .orderBy(asc(transactions.startedAt));
}
