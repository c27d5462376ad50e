import { getTableName, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { meterValues } from '../../db/schema';
import { columnName } from './charger-traffic/columns';

// meter_values is partitioned by UTC month of sampled_at (db/migrations/0048_meter_values_by_month.sql): one
// partition a month, meter_values_pYYYYMM, and meter_values_default for readings of a month with none.
const MONTH_PARTITION = /^meter_values_p(\d{4})(\d{2})$/;
const DEFAULT_PARTITION = 'meter_values_default';

function monthStart(instant: Date, monthsLater = 0) {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + monthsLater, 1));
}

// The partitions of this month and the next `monthsAhead`, those missing created (with the readings the default
// partition already held for them). Returns the months created.
export async function ensureMeterValueMonths(db: Executor, { now, monthsAhead }: { now: Date; monthsAhead: number }) {
  const created: Date[] = [];
  for (let ahead = 0; ahead <= monthsAhead; ahead++) {
    const month = monthStart(now, ahead);
    const [row] = await db.execute<{ created: boolean }>(sql`select meter_values_ensure_month(${month.toISOString()}::timestamptz) as created`);
    if (row?.created) created.push(month);
  }
  return created;
}

export async function listMeterValueMonths(db: Executor) {
  const rows = await db.execute<{ name: string }>(sql`
    select child.relname as name from pg_inherits
    join pg_class child on child.oid = pg_inherits.inhrelid
    where pg_inherits.inhparent = to_regclass(${`public.${getTableName(meterValues)}`})`);
  return rows.flatMap(({ name }) => {
    const match = MONTH_PARTITION.exec(name);
    return match ? [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }] : [];
  });
}

// Readings older than the start of the UTC month `keepMonths` before this one go: whole monthly partitions dropped
// (no row by row delete, no table bloat), and the outliers of those months in the default partition deleted.
export async function dropMeterValuesBefore(db: Executor, { now, keepMonths }: { now: Date; keepMonths: number }) {
  const cutoff = monthStart(now, -keepMonths);
  const old = (await listMeterValueMonths(db)).filter(({ month }) => month < cutoff);
  for (const { name } of old) await db.execute(sql`drop table ${sql.identifier(name)}`);
  const outliers = await db.execute(sql`delete from ${sql.identifier(DEFAULT_PARTITION)} where ${sql.identifier(columnName(meterValues.sampledAt))} < ${cutoff.toISOString()}::timestamptz`);
  return { cutoff, droppedMonths: old.map(({ month }) => month), outliers: outliers.count };
}
