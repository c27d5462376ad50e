import { execFileSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { chargers } from '../../db/schema';
import { ensureMeterValueMonths } from '../../domain/data/meter-value-partitions';

// Two years of finished sessions on the bench's chargers, each 5 h of an energy register and a power reading every
// 30 s: 1,200 rows a session, as MeterValues write them (with their session, in their month's partition).
const SPAN_DAYS = 730;
const SAMPLES_PER_SESSION = 600;
const MEASURANDS = 2;
const ROWS_PER_SESSION = SAMPLES_PER_SESSION * MEASURANDS;
// Sessions written per statement: about a million rows each, so that progress shows and no statement runs for long.
const SESSIONS_PER_STATEMENT = Math.ceil(1_000_000 / ROWS_PER_SESSION);
const SPAN_MONTHS = Math.ceil(SPAN_DAYS / 30) + 1;

type SeedOptions = { accountId: string; rows: number; log: (line: string) => void };

// Set-based (INSERT … SELECT over generate_series), so tens of millions take minutes rather than hours: the
// sessions of a chunk and their readings are written by one statement. Sessions on one charger never overlap.
export async function seedMeterValues(db: Database, { accountId, rows, log }: SeedOptions) {
  const startedMs = performance.now();
  const now = new Date();
  const from = new Date(now.getTime() - SPAN_DAYS * 86_400_000);
  await ensureMeterValueMonths(db, { now: from, monthsAhead: SPAN_MONTHS });
  const ids = (await db.select({ id: chargers.id }).from(chargers).where(eq(chargers.accountId, accountId))).map((row) => row.id);
  const sessions = Math.ceil(rows / ROWS_PER_SESSION);
  const perCharger = Math.ceil(sessions / ids.length);
  // Each charger's sessions evenly over the span, each started a whole step after its previous one.
  const stepSeconds = Math.floor((SPAN_DAYS * 86_400) / perCharger);
  for (let first = 0; first < sessions; first += SESSIONS_PER_STATEMENT) {
    const last = Math.min(sessions, first + SESSIONS_PER_STATEMENT) - 1;
    await db.execute(sql`
      with seeded as (
        insert into transactions (charger_id, account_id, connector_id, id_tag, authorization_status, meter_start_wh, meter_stop_wh, started_at, stopped_at, stop_reason, energy_wh)
        select (${`{${ids.join(',')}}`}::uuid[])[1 + s % ${ids.length}], ${accountId}::uuid, 1, 'SEEDED', 'Accepted', 0, 36000,
          ${from.toISOString()}::timestamptz + make_interval(secs => (s / ${ids.length}) * ${stepSeconds}),
          ${from.toISOString()}::timestamptz + make_interval(secs => (s / ${ids.length}) * ${stepSeconds} + ${SAMPLES_PER_SESSION * 30}), 'Local', 36000
        from generate_series(${first}::int, ${last}::int) as s
        returning id, charger_id, started_at
      )
      insert into meter_values (transaction_id, charger_id, connector_id, sampled_at, measurand, unit, context, value, numeric_value)
      select seeded.id, seeded.charger_id, 1, seeded.started_at + make_interval(secs => k * 30), m.measurand, m.unit, 'Sample.Periodic',
        (case when m.unit = 'Wh' then k * 60 else 7200 end)::text, case when m.unit = 'Wh' then k * 60 else 7200 end
      from seeded
      cross join generate_series(1, ${SAMPLES_PER_SESSION}) as k
      cross join (values ('Energy.Active.Import.Register', 'Wh'), ('Power.Active.Import', 'W')) as m(measurand, unit)
      on conflict do nothing`);
    log(`seeded ${Math.min(rows, (last + 1) * ROWS_PER_SESSION).toLocaleString('en')} of ${rows.toLocaleString('en')} meter values`);
  }
  // As autovacuum would have, long before a real table reached this size.
  await db.execute(sql`analyze meter_values`);
  // Gigabytes just written are still being flushed to disk for minutes after; a real table's history was flushed
  // long ago, so the run starts once PostgreSQL's buffers and the kernel's dirty pages are written.
  await db.execute(sql`checkpoint`);
  execFileSync('sync');
  const [size] = await db.execute<{ rows: number; bytes: number }>(sql`
    select (select count(*) from meter_values)::bigint::float8 as rows,
      (select sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = 'meter_values'::regclass)::float8 as bytes`);
  return { meterValues: size!.rows, tableMegabytes: Math.round(size!.bytes / 1_048_576), seconds: Math.round((performance.now() - startedMs) / 100) / 10 };
}
