import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cards, chargers, meterValues, transactions, users } from '../../db/schema';
import { SESSIONS_PAGE_SIZE, sessionConditions, sessionEnergyWh, type SessionFilters, type SessionScope } from './session-sql';

const sessionColumns = {
  id: transactions.id,
  chargerId: transactions.chargerId,
  chargerName: chargers.name,
  connectorId: transactions.connectorId,
  userName: users.name,
  cardLabel: cards.label,
  isCardDeleted: sql<boolean>`${cards.deletedAt} is not null`,
  idTag: transactions.idTag,
  startedAt: transactions.startedAt,
  stoppedAt: transactions.stoppedAt,
  energyWh: sql<number | null>`(${sessionEnergyWh})::float8`,
  cost: transactions.cost,
  currency: transactions.currency,
  pricePerKwh: transactions.pricePerKwh,
  stopReason: transactions.stopReason,
  meterStartWh: transactions.meterStartWh,
};

function sessionsFrom(db: Executor) {
  return db
    .select(sessionColumns)
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .leftJoin(users, eq(users.id, transactions.userId))
    .leftJoin(cards, eq(cards.id, transactions.cardId));
}

// The page's ids come from transactions_account_started_idx alone, so a deep page skips index entries, not joined rows.
export async function listSessions(db: Executor, { filters, ...scope }: SessionScope & { filters: SessionFilters }) {
  const newestFirst = [desc(transactions.startedAt), desc(transactions.id)];
  const pageIds = db
    .select({ id: transactions.id })
    .from(transactions)
    .where(sessionConditions(scope, filters))
    .orderBy(...newestFirst)
    .limit(SESSIONS_PAGE_SIZE + 1)
    .offset((filters.page - 1) * SESSIONS_PAGE_SIZE);
  const rows = await sessionsFrom(db)
    .where(inArray(transactions.id, pageIds))
    .orderBy(...newestFirst);
  return { sessions: rows.slice(0, SESSIONS_PAGE_SIZE), hasNext: rows.length > SESSIONS_PAGE_SIZE };
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>['sessions'][number];

export type SessionTotals = { count: number; energyWh: number; costs: { currency: string; amount: string }[] };

export async function getSessionTotals(db: Executor, { filters, ...scope }: SessionScope & { filters: SessionFilters }): Promise<SessionTotals> {
  const rows = await db
    .select({
      currency: transactions.currency,
      count: sql<number>`count(*)::int`,
      energyWh: sql<number>`coalesce(sum(${sessionEnergyWh}), 0)::float8`,
      cost: sql<string | null>`sum(${transactions.cost})::text`,
    })
    .from(transactions)
    .where(sessionConditions(scope, filters))
    .groupBy(transactions.currency)
    .orderBy(asc(transactions.currency));
  return {
    count: rows.reduce((sum, row) => sum + row.count, 0),
    energyWh: rows.reduce((sum, row) => sum + row.energyWh, 0),
    costs: rows.flatMap((row) => (row.currency && row.cost !== null ? [{ currency: row.currency, amount: row.cost }] : [])),
  };
}

const closerName = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${transactions.closedByUserId})`;

// onlyUserId: a driver's view, in which another person's session does not exist.
type OneSession = { accountId: string; sessionId: number; onlyUserId?: string };
const ofUser = (onlyUserId: string | undefined) => (onlyUserId ? eq(transactions.userId, onlyUserId) : undefined);

export async function getSession(db: Executor, { accountId, sessionId, onlyUserId }: OneSession) {
  const [row] = await db
    .select({ ...sessionColumns, closeNote: transactions.closeNote, closedByName: closerName, hasEventsSentOffline: transactions.hasEventsSentOffline })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .leftJoin(users, eq(users.id, transactions.userId))
    .leftJoin(cards, eq(cards.id, transactions.cardId))
    .where(and(eq(transactions.accountId, accountId), eq(transactions.id, sessionId), ofUser(onlyUserId)))
    .limit(1);
  return row ?? null;
}

export async function listSessionMeterValues(db: Executor, { accountId, sessionId, onlyUserId }: OneSession) {
  return db
    .select({
      id: meterValues.id,
      sampledAt: meterValues.sampledAt,
      measurand: meterValues.measurand,
      phase: meterValues.phase,
      unit: meterValues.unit,
      context: meterValues.context,
      value: meterValues.value,
      numericValue: meterValues.numericValue,
    })
    .from(meterValues)
    .innerJoin(transactions, eq(transactions.id, meterValues.transactionId))
    .where(and(eq(transactions.accountId, accountId), eq(meterValues.transactionId, sessionId), ofUser(onlyUserId)))
    .orderBy(asc(meterValues.sampledAt), asc(meterValues.id));
}
export type SessionMeterValue = Awaited<ReturnType<typeof listSessionMeterValues>>[number];

// Everything the filter form offers: the account's chargers (removed ones too, they have history),
// the people who charged or belong here, and the cards.
export async function listSessionFilterOptions(db: Executor, { accountId }: { accountId: string }) {
  const [chargerRows, userRows, cardRows] = await Promise.all([
    db
      .select({ id: chargers.id, name: chargers.name, isDeleted: sql<boolean>`${chargers.deletedAt} is not null` })
      .from(chargers)
      .where(eq(chargers.accountId, accountId))
      .orderBy(asc(chargers.name)),
    // Those who charged: one step per distinct user along transactions_account_user_idx, not a read of every session.
    db.execute<{ id: string; name: string }>(sql`
      with recursive charged as (
        (select user_id from transactions where account_id = ${accountId} and user_id is not null order by user_id limit 1)
        union all
        select (select t.user_id from transactions t where t.account_id = ${accountId} and t.user_id > charged.user_id order by t.user_id limit 1)
        from charged where charged.user_id is not null)
      select u.id, u.name from users u where u.id in (
        select user_id from memberships where account_id = ${accountId}
        union
        select user_id from charged)
      order by u.name`),
    db
      .select({ id: cards.id, label: cards.label, idTag: cards.idTag, userId: cards.userId, isDeleted: sql<boolean>`${cards.deletedAt} is not null` })
      .from(cards)
      .where(eq(cards.accountId, accountId))
      .orderBy(sql`${cards.deletedAt} is not null`, asc(cards.label)),
  ]);
  return { chargers: chargerRows, users: [...userRows], cards: cardRows };
}
export type SessionFilterOptions = Awaited<ReturnType<typeof listSessionFilterOptions>>;
