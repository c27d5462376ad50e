import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { PriceBasis } from '../../db/schema';
import type { Holder } from '../statements/holder';
import type { Period } from '../statements/period';

// One session's part of a statement: the cost lines of the session that start in the period.
export type StatementSession = {
  transactionId: number;
  startedAt: Date;
  stoppedAt: Date | null;
  chargerName: string;
  chargerIdentity: string;
  chargerAddress: string | null;
  connectorId: number;
  userName: string | null;
  cardLabel: string | null;
  idTag: string;
  meterStartWh: number;
  meterStopWh: number | null;
  energyWh: number;
  // Exact decimals as PostgreSQL prints them; null when no line of the part had a price.
  cost: string | null;
  currency: string | null;
  // One price for the whole part, or null when it changed within (or there was none).
  pricePerKwh: string | null;
  bases: PriceBasis[];
  hasUnpricedEnergy: boolean;
};

type Scope = { accountId: string; holder: Holder; period: Period; timeZone: string };

export function holderCondition(holder: Holder) {
  return holder.userId ? sql`t.user_id = ${holder.userId}` : sql`t.card_id = ${holder.cardId} and t.user_id is null`;
}

// The period's bounds are local midnights of the account's zone; PostgreSQL turns them into instants.
export function linesInPeriod({ period, timeZone }: Pick<Scope, 'period' | 'timeZone'>) {
  return sql`l.starts_at >= (${period.from}::date)::timestamp at time zone ${timeZone}
    and l.starts_at < (${period.to}::date)::timestamp at time zone ${timeZone}`;
}

type Row = Omit<StatementSession, 'startedAt' | 'stoppedAt' | 'bases'> & { startedAt: string; stoppedAt: string | null; bases: string };

export async function listStatementSessions(db: Executor, scope: Scope): Promise<StatementSession[]> {
  const rows = (await db.execute(sql`
    select t.id as "transactionId", t.started_at as "startedAt", t.stopped_at as "stoppedAt",
      c.name as "chargerName", c.identity as "chargerIdentity", c.address as "chargerAddress",
      t.connector_id as "connectorId", u.name as "userName", k.label as "cardLabel", t.id_tag as "idTag",
      t.meter_start_wh::float8 as "meterStartWh", t.meter_stop_wh::float8 as "meterStopWh",
      sum(l.energy_wh)::float8 as "energyWh", sum(l.cost)::text as "cost",
      min(l.currency) as "currency",
      case when count(distinct l.price_per_kwh) = 1 and bool_and(l.price_per_kwh is not null) then min(l.price_per_kwh)::text end as "pricePerKwh",
      coalesce(string_agg(distinct l.basis::text, ','), '') as "bases",
      bool_or(l.cost is null and l.energy_wh > 0) as "hasUnpricedEnergy"
    from session_cost_lines l
    join transactions t on t.id = l.transaction_id
    join chargers c on c.id = t.charger_id
    left join users u on u.id = t.user_id
    left join cards k on k.id = t.card_id
    where l.account_id = ${scope.accountId} and t.account_id = ${scope.accountId}
      and ${holderCondition(scope.holder)} and ${linesInPeriod(scope)}
    group by t.id, c.id, u.id, k.id
    order by t.started_at, t.id
  `)) as unknown as Row[];
  return rows.map((row) => ({
    ...row,
    startedAt: new Date(row.startedAt),
    stoppedAt: row.stoppedAt === null ? null : new Date(row.stoppedAt),
    bases: row.bases === '' ? [] : (row.bases.split(',') as PriceBasis[]),
  }));
}
