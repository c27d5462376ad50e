import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, transactions, users } from '../../db/schema';
import { sessionEnergyWh, type SessionScope } from './session-sql';

export async function listActiveSessions(db: Executor, { accountId }: { accountId: string }) {
  return db
    .select({
      id: transactions.id,
      chargerName: chargers.name,
      connectorId: transactions.connectorId,
      userName: users.name,
      idTag: transactions.idTag,
      startedAt: transactions.startedAt,
      energyWh: sql<number | null>`(${sessionEnergyWh})::float8`,
    })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .leftJoin(users, eq(users.id, transactions.userId))
    .where(and(eq(transactions.accountId, accountId), isNull(transactions.stoppedAt)))
    .orderBy(desc(transactions.startedAt))
    .limit(20);
}

export type DailyEnergy = { day: string; energyWh: number; sessions: number };

// One row per day of the user's calendar, empty days included, oldest first.
export async function listDailyEnergy(db: Executor, { accountId, timeZone, days = 30 }: SessionScope & { days?: number }): Promise<DailyEnergy[]> {
  const rows = await db.execute<{ day: string; energy_wh: number; sessions: number }>(sql`
    with bounds as (select (now() at time zone ${timeZone})::date - ${days - 1}::int as first, (now() at time zone ${timeZone})::date as today),
    series as (select generate_series((select first from bounds), (select today from bounds), interval '1 day')::date as day),
    daily as (
      select (${transactions.startedAt} at time zone ${timeZone})::date as day, sum(${sessionEnergyWh}) as energy_wh, count(*) as sessions
      from ${transactions}
      where ${transactions.accountId} = ${accountId}
        and ${transactions.startedAt} >= ((select first from bounds)::timestamp at time zone ${timeZone})
      group by 1)
    select to_char(s.day, 'YYYY-MM-DD') as day, coalesce(d.energy_wh, 0)::float8 as energy_wh, coalesce(d.sessions, 0)::int as sessions
    from series s left join daily d on d.day = s.day
    order by s.day`);
  return rows.map((row) => ({ day: row.day, energyWh: Number(row.energy_wh), sessions: Number(row.sessions) }));
}

export async function countSessionsThisMonth(db: Executor, { accountId, timeZone }: SessionScope) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, energyWh: sql<number>`coalesce(sum(${sessionEnergyWh}), 0)::float8` })
    .from(transactions)
    .where(
      and(
        eq(transactions.accountId, accountId),
        sql`${transactions.startedAt} >= (date_trunc('month', now() at time zone ${timeZone}) at time zone ${timeZone})`,
      ),
    );
  return row ?? { count: 0, energyWh: 0 };
}
