import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cards, chargers, transactions, users } from '../../db/schema';
import { sessionConditions, sessionEnergyWh, type SessionFilters, type SessionScope } from './session-sql';

const utc = (column: unknown) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// Every column is text from the database, so the streamed rows need no type parsing and keep
// numerics exact.
export const EXPORT_COLUMNS = {
  id: sql<string>`${transactions.id}::text`,
  chargerName: chargers.name,
  connectorId: sql<string>`${transactions.connectorId}::text`,
  userName: users.name,
  cardLabel: cards.label,
  isCardDeleted: sql<string>`case when ${cards.deletedAt} is not null then 't' else 'f' end`,
  idTag: transactions.idTag,
  startedAt: utc(transactions.startedAt),
  stoppedAt: utc(transactions.stoppedAt),
  durationMinutes: sql<string | null>`round(extract(epoch from ${transactions.stoppedAt} - ${transactions.startedAt}) / 60)::text`,
  energyKwh: sql<string | null>`round((${sessionEnergyWh})::numeric / 1000, 3)::text`,
  cost: sql<string | null>`${transactions.cost}::text`,
  currency: transactions.currency,
  pricePerKwh: sql<string | null>`${transactions.pricePerKwh}::text`,
  stopReason: transactions.stopReason,
};
export type ExportRow = { [K in keyof typeof EXPORT_COLUMNS]: string | null };
const NAMES = Object.keys(EXPORT_COLUMNS) as (keyof ExportRow)[];

export const EXPORT_BATCH = 1000;

// A server-side cursor: rows arrive EXPORT_BATCH at a time and only when the reader asks, so memory stays flat.
export function exportCursor(db: Database, { filters, ...scope }: SessionScope & { filters: SessionFilters }) {
  const query = db
    .select(EXPORT_COLUMNS)
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .leftJoin(users, eq(users.id, transactions.userId))
    .leftJoin(cards, eq(cards.id, transactions.cardId))
    .where(sessionConditions(scope, filters))
    .orderBy(desc(transactions.startedAt), desc(transactions.id))
    .toSQL();
  const batches = db.$client.unsafe(query.sql, query.params as never[]).values().cursor(EXPORT_BATCH);
  return (async function* () {
    for await (const batch of batches) {
      yield (batch as unknown as (string | null)[][]).map((values) => Object.fromEntries(NAMES.map((name, index) => [name, values[index] ?? null])) as ExportRow);
    }
  })();
}
