import 'server-only';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { accounts, cards, chargers, memberships, transactions } from '@/db/schema';
import { db } from '@/lib/db';
import { listChargers } from './chargers';
import { latestReading } from '@/domain/data/meter-sql';

// Cards a user may start charging with in an account: linked to them, active, unexpired.
export async function listUsableCards(userId: string) {
  return db()
    .select({ id: cards.id, accountId: cards.accountId, idTag: cards.idTag, label: cards.label, kind: cards.kind })
    .from(cards)
    .innerJoin(memberships, and(eq(memberships.accountId, cards.accountId), eq(memberships.userId, userId)))
    .where(
      and(
        eq(cards.userId, userId),
        eq(cards.status, 'active'),
        isNull(cards.deletedAt),
        or(isNull(cards.expiresAt), gt(cards.expiresAt, new Date())),
      ),
    )
    .orderBy(asc(cards.kind), asc(cards.createdAt));
}
export type UsableCard = Awaited<ReturnType<typeof listUsableCards>>[number];

// The user's sessions at these chargers that are running, or ended within the last hour (final figures).
export async function listMySessions({ userId, chargerIds }: { userId: string; chargerIds: string[] }) {
  if (chargerIds.length === 0) return [];
  return db()
    .select({
      id: transactions.id,
      chargerId: transactions.chargerId,
      connectorId: transactions.connectorId,
      startedAt: transactions.startedAt,
      stoppedAt: transactions.stoppedAt,
      meterStartWh: transactions.meterStartWh,
      energyWh: transactions.energyWh,
      cost: transactions.cost,
      currency: transactions.currency,
      lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
      powerW: latestReading(transactions.id, 'Power.Active.Import'),
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

export async function listChargersForUser(userId: string) {
  const memberOf = await db()
    .select({ accountId: accounts.id, accountName: accounts.name })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const perAccount = await Promise.all(memberOf.map((account) => listChargers({ accountId: account.accountId })));
  return memberOf.map((account, index) => ({ ...account, chargers: perAccount[index] ?? [] }));
}

// The charger, if the user belongs to its account, with what a start needs to know.
export async function getChargerForUser({ userId, chargerId }: { userId: string; chargerId: string }) {
  const [charger] = await db()
    .select({ id: chargers.id, accountId: chargers.accountId, isOnline: chargers.isOnline })
    .from(chargers)
    .innerJoin(memberships, and(eq(memberships.accountId, chargers.accountId), eq(memberships.userId, userId)))
    .where(and(eq(chargers.id, chargerId), isNull(chargers.deletedAt)));
  return charger ?? null;
}

export async function getOpenTransaction({ chargerId, connectorId }: { chargerId: string; connectorId: number }) {
  const [open] = await db()
    .select({ id: transactions.id, userId: transactions.userId })
    .from(transactions)
    .where(and(eq(transactions.chargerId, chargerId), eq(transactions.connectorId, connectorId), isNull(transactions.stoppedAt)));
  return open ?? null;
}

export async function getMyOpenTransaction({ userId, transactionId }: { userId: string; transactionId: number }) {
  const [open] = await db()
    .select({ id: transactions.id, chargerId: transactions.chargerId, accountId: chargers.accountId })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .innerJoin(memberships, and(eq(memberships.accountId, chargers.accountId), eq(memberships.userId, userId)))
    .where(and(eq(transactions.id, transactionId), eq(transactions.userId, userId), isNull(transactions.stoppedAt)));
  return open ?? null;
}
