import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { gridPowerReadings } from '../../db/schema';
import { notifyGridReading } from '../circuits/notify';
import type { GridReading } from '../grid/readings';
import { done, failure, type Result } from './result';

// A feed that posts more often than this is told to slow down (429): a meter's readings every few seconds are plenty,
// and a script stuck in a loop would otherwise fill the table.
const MIN_GAP = sql`interval '1 second'`;

// Stores a request's readings, unless the account's previous request came less than a second ago, and has the
// account's circuits at the grid connection planned again with them.
export async function recordGridReadings(db: Executor, { accountId, readings }: { accountId: string; readings: GridReading[] }): Promise<Result<null, 'tooFrequent'>> {
  const rows = readings.map((reading) => sql`(${accountId}::uuid, ${reading.measuredAt.toISOString()}::timestamptz, ${reading.powerW}::integer)`);
  const stored = await db.execute(sql`
    insert into ${gridPowerReadings} (account_id, measured_at, power_w)
    select v.account_id, v.measured_at, v.power_w from (values ${sql.join(rows, sql`, `)}) v(account_id, measured_at, power_w)
    where not exists (select 1 from ${gridPowerReadings} r where r.account_id = ${accountId} and r.received_at > now() - ${MIN_GAP})
    returning 1`);
  if (stored.length === 0) return failure('tooFrequent');
  await notifyGridReading(db, { accountId });
  return done;
}

// The account's latest reading, by when it was measured.
export async function getLatestGridReading(db: Executor, { accountId }: { accountId: string }) {
  const [latest] = await db
    .select({ powerW: gridPowerReadings.powerW, measuredAt: gridPowerReadings.measuredAt })
    .from(gridPowerReadings)
    .where(eq(gridPowerReadings.accountId, accountId))
    .orderBy(desc(gridPowerReadings.measuredAt))
    .limit(1);
  return latest ?? null;
}

export type GridPowerSummary = { latest: { powerW: number; measuredAt: Date } | null; lastHour: { count: number; minW: number; maxW: number } | null };

export async function getGridPowerSummary(db: Executor, { accountId, now = new Date() }: { accountId: string; now?: Date }): Promise<GridPowerSummary> {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const [latest, [hour]] = await Promise.all([
    getLatestGridReading(db, { accountId }),
    db
      .select({ count: sql<number>`count(*)::int`, minW: sql<number>`min(${gridPowerReadings.powerW})`, maxW: sql<number>`max(${gridPowerReadings.powerW})` })
      .from(gridPowerReadings)
      .where(and(eq(gridPowerReadings.accountId, accountId), gt(gridPowerReadings.measuredAt, hourAgo))),
  ]);
  return { latest, lastHour: hour && hour.count > 0 ? hour : null };
}

const TRIM_BATCH = 10_000;

// Readings received more than `keepDays` ago go, a batch at a time; the number deleted.
export async function trimGridReadings(db: Executor, { keepDays }: { keepDays: number }) {
  const cutoff = new Date(Date.now() - keepDays * 24 * 60 * 60 * 1000);
  const old = db.select({ id: gridPowerReadings.id }).from(gridPowerReadings).where(lt(gridPowerReadings.receivedAt, cutoff)).limit(TRIM_BATCH);
  const deleted = await db.delete(gridPowerReadings).where(inArray(gridPowerReadings.id, old)).returning({ id: gridPowerReadings.id });
  return deleted.length;
}
