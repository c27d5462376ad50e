import { getTableName, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { meterValues, transactions } from '../../db/schema';
import { columnName } from './charger-traffic/columns';

// meter_values is partitioned by UTC month of sampled_at (db/migrations/0048_meter_values_by_month.sql): one
// partition a month, meter_values_pYYYYMM, and meter_values_default for readings of a month with none.
const MONTH_PARTITION = /^meter_values_p(\d{4})(\d{2})$/;
const DEFAULT_PARTITION = 'meter_values_default';

// Creating and dropping a partition locks meter_values (or its default partition) exclusively for an instant; a
// lock request waiting behind a long report would hold every reading's insert queued behind it. Each gives up after
// LOCK_TIMEOUT, and the next sweep tries again.
const LOCK_TIMEOUT = '2s';
const LOCK_NOT_AVAILABLE = '55P03';

async function briefly<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T | 'postponed'> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = ${sql.raw(`'${LOCK_TIMEOUT}'`)}`);
      return work(tx);
    });
  } catch (error) {
    if (errorCode(error) === LOCK_NOT_AVAILABLE) return 'postponed';
    throw error;
  }
}

// Drizzle wraps the driver's error as its cause.
function errorCode(error: unknown): unknown {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code ?? (cause ? errorCode(cause) : undefined);
}

function monthStart(instant: Date, monthsLater = 0) {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + monthsLater, 1));
}

// The partitions of this month and the next `monthsAhead`, those missing created (with the readings the default
// partition already held for them). Returns the months created, and those left for the next sweep (lock timeout).
export async function ensureMeterValueMonths(db: Executor, { now, monthsAhead }: { now: Date; monthsAhead: number }) {
  const created: Date[] = [];
  const postponed: Date[] = [];
  for (let ahead = 0; ahead <= monthsAhead; ahead++) {
    const month = monthStart(now, ahead);
    const outcome = await briefly(db, async (tx) => {
      const [row] = await tx.execute<{ created: boolean }>(sql`select meter_values_ensure_month(${month.toISOString()}::timestamptz) as created`);
      return Boolean(row?.created);
    });
    if (outcome === 'postponed') postponed.push(month);
    else if (outcome) created.push(month);
  }
  return { created, postponed };
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
// (no row by row delete, no table bloat), and the outliers of those months in the default partition deleted. An
// outlier of a session still running stays: a charger whose clock was reset (1970, 2000) stamps a live session's
// readings there, and they are its energy and chart; they go with the first sweep after the session closes.
export async function dropMeterValuesBefore(db: Executor, { now, keepMonths }: { now: Date; keepMonths: number }) {
  const cutoff = monthStart(now, -keepMonths);
  const old = (await listMeterValueMonths(db)).filter(({ month }) => month < cutoff);
  const droppedMonths: Date[] = [];
  for (const { name, month } of old) {
    const outcome = await briefly(db, (tx) => tx.execute(sql`drop table ${sql.identifier(name)}`));
    if (outcome !== 'postponed') droppedMonths.push(month);
  }
  const outliers = await db.execute(sql`
    delete from ${sql.identifier(DEFAULT_PARTITION)} reading
    where reading.${sql.identifier(columnName(meterValues.sampledAt))} < ${cutoff.toISOString()}::timestamptz
      and not exists (
        select 1 from ${transactions} where ${transactions.id} = reading.${sql.identifier(columnName(meterValues.transactionId))}
          and ${transactions.stoppedAt} is null)`);
  return { cutoff, droppedMonths, postponedMonths: old.length - droppedMonths.length, outliers: outliers.count };
}
