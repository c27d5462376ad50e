import { and, eq, sql, type SQL } from 'drizzle-orm';
import { transactions } from '../../db/schema';
import { latestReading } from './meter-sql';

export type SessionScope = { accountId: string; timeZone: string };

// What the sessions list is narrowed by (lib/sessions/filters.ts parses it from the URL); days are ISO dates.
export type SessionFilters = { from?: string; to?: string; chargerId?: string; userId?: string; cardId?: string; page: number };
export const SESSIONS_PAGE_SIZE = 50;

const lastRegisterWh = latestReading(transactions.id, 'Energy.Active.Import.Register');

// Finished sessions carry their energy; a running one counts what its last meter value says so far.
export const sessionEnergyWh = sql<number | null>`case when ${transactions.stoppedAt} is not null then ${transactions.energyWh}
  else greatest(0, ${lastRegisterWh} - ${transactions.meterStartWh}) end`;

// Days are the user's days: a filter "from 1 March" starts at midnight where they are.
const startOfDay = (day: string, timeZone: string, plusDays = 0) =>
  sql`(((${day})::date + ${plusDays}::int)::timestamp at time zone ${timeZone})`;

export function sessionConditions(scope: SessionScope, filters: SessionFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(transactions.accountId, scope.accountId)];
  if (filters.from) conditions.push(sql`${transactions.startedAt} >= ${startOfDay(filters.from, scope.timeZone)}`);
  if (filters.to) conditions.push(sql`${transactions.startedAt} < ${startOfDay(filters.to, scope.timeZone, 1)}`);
  if (filters.chargerId) conditions.push(eq(transactions.chargerId, filters.chargerId));
  if (filters.userId) conditions.push(eq(transactions.userId, filters.userId));
  if (filters.cardId) conditions.push(eq(transactions.cardId, filters.cardId));
  return and(...conditions)!;
}
