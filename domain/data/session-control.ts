import { and, asc, eq, inArray, isNull, ne, not, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { accounts, cards, chargers, memberships, transactions, users } from '../../db/schema';
import { OWNER_CLOSE_REASON } from '../sessions/stop-reasons';
import { closeTransaction } from './charger-traffic/transactions';
import { notifyChargerEvent } from './charger-traffic/notify';
import { hasCurrentAccess, seesEverySession } from './member-access';
import { latestReading } from './meter-sql';
import { done, failure, type Result } from './result';
import { sessionProgressColumns } from './session-progress';
import { twoFactorMissingSql } from './two-factor';

// Every owner and co-owner of the account that owns a charger controls the sessions on it: whoever or whatever
// started them, a card with no user or a member since removed. A driver or guest controls their own only. A member
// without the second factor the account requires controls nothing yet.
export const isMemberOfChargerAccount = (userId: string) =>
  and(
    eq(memberships.accountId, chargers.accountId),
    eq(memberships.userId, userId),
    hasCurrentAccess(),
    or(seesEverySession(), eq(transactions.userId, userId)),
    not(twoFactorMissingSql(sql`(select a.require_two_factor from ${accounts} a where a.id = ${chargers.accountId})`, memberships.userId)),
  );

// A running session on a charger of an account the user belongs to.
export async function getOpenSessionForMember(db: Executor, { userId, transactionId }: { userId: string; transactionId: number }) {
  const [open] = await db
    .select({
      id: transactions.id,
      accountId: chargers.accountId,
      chargerId: transactions.chargerId,
      connectorId: transactions.connectorId,
      sessionUserId: transactions.userId,
      cardId: transactions.cardId,
      isChargerOnline: chargers.isOnline,
    })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .innerJoin(memberships, isMemberOfChargerAccount(userId))
    .where(and(eq(transactions.id, transactionId), isNull(transactions.stoppedAt)));
  return open ?? null;
}

// The running sessions at these chargers that are not the user's own (the user's own are listMySessions'): who or
// what started them, and whether their charger still confirms them.
export async function listOtherOpenSessions(db: Executor, { userId, chargerIds }: { userId: string; chargerIds: string[] }) {
  if (chargerIds.length === 0) return [];
  return db
    .select({
      ...sessionProgressColumns(),
      idTag: transactions.idTag,
      userName: users.name,
      cardLabel: cards.label,
    })
    .from(transactions)
    .leftJoin(users, eq(users.id, transactions.userId))
    .leftJoin(cards, eq(cards.id, transactions.cardId))
    .where(
      and(
        inArray(transactions.chargerId, chargerIds),
        isNull(transactions.stoppedAt),
        or(isNull(transactions.userId), ne(transactions.userId, userId)),
      ),
    )
    .orderBy(asc(transactions.startedAt));
}
export type OtherSession = Awaited<ReturnType<typeof listOtherOpenSessions>>[number];

export type CloseRefusal = 'notFound' | 'sessionStillConfirmed';

// Closes by hand a session its charger no longer confirms (the sweep flagged it and the charger is still away):
// with the last energy reading the charger sent (its meter start if none) as the meter stop, at the moment the
// charger was last heard from, with the member who closed it and their reason. Never silently: the session keeps
// both, and shows them; the charger's own StopTransaction, should it come back, replaces the figures.
export async function closeUnconfirmedSession(
  db: Database,
  { userId, transactionId, note }: { userId: string; transactionId: number; note: string },
): Promise<Result<null, CloseRefusal>> {
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({
        id: transactions.id,
        chargerId: transactions.chargerId,
        accountId: transactions.accountId,
        meterStartWh: transactions.meterStartWh,
        startedAt: transactions.startedAt,
        unconfirmedAt: transactions.unconfirmedAt,
        isOnline: chargers.isOnline,
        lastHeardAt: sql<Date | null>`coalesce(${chargers.disconnectedAt}, ${chargers.lastSeenAt})`.mapWith(chargers.disconnectedAt),
        lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
      })
      .from(transactions)
      .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
      .innerJoin(memberships, isMemberOfChargerAccount(userId))
      .where(and(eq(transactions.id, transactionId), isNull(transactions.stoppedAt)))
      .for('no key update', { of: transactions });
    if (!open) return failure('notFound');
    if (!open.unconfirmedAt || open.isOnline) return failure('sessionStillConfirmed');
    const lastHeardAt = open.lastHeardAt ?? open.startedAt;
    const closing = {
      meterStopWh: open.lastMeterWh === null ? open.meterStartWh : Math.max(open.meterStartWh, Math.round(Number(open.lastMeterWh))),
      stoppedAt: lastHeardAt < open.startedAt ? open.startedAt : lastHeardAt,
      reason: OWNER_CLOSE_REASON,
      idTag: null,
    };
    await closeTransaction(tx, open, closing);
    await tx.update(transactions).set({ closedByUserId: userId, closeNote: note }).where(eq(transactions.id, open.id));
    await notifyChargerEvent(tx, { accountId: open.accountId, chargerId: open.chargerId, kind: 'transaction-stopped' });
    return done;
  });
}
