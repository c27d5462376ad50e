import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { LoadResult } from './load';

// Each simulated MeterValues carries two sampled values (energy register and power), each one row.
const SAMPLES_PER_MESSAGE = 2;

export type RowCounts = { meterValueRows: number; transactionRows: number; stoppedTransactionRows: number; ocppMessageRows: number };

export async function countRows(db: Database): Promise<RowCounts> {
  const [counts] = await db.execute<RowCounts>(sql`
    select (select count(*) from meter_values)::int as "meterValueRows",
           (select count(*) from transactions)::int as "transactionRows",
           (select count(*) from transactions where stopped_at is not null)::int as "stoppedTransactionRows",
           (select count(*) from ocpp_messages)::int as "ocppMessageRows"`);
  return counts!;
}

// The rows the run wrote: those counted now less those before it (a seeded history).
export async function checkRows(db: Database, load: LoadResult, before: RowCounts | null) {
  const now = await countRows(db);
  const counts = {
    meterValueRows: now.meterValueRows - (before?.meterValueRows ?? 0),
    transactionRows: now.transactionRows - (before?.transactionRows ?? 0),
    stoppedTransactionRows: now.stoppedTransactionRows - (before?.stoppedTransactionRows ?? 0),
    ocppMessageRows: now.ocppMessageRows,
  };
  const expectedMeterValueRows = load.meterValuesAnswered * SAMPLES_PER_MESSAGE;
  return {
    ...counts,
    expectedMeterValueRows,
    expectedTransactionRows: load.startsAnswered,
    expectedStoppedTransactionRows: load.stopsAnswered,
    // At least: a message still in flight when the load stopped may be written without its answer being counted.
    isNothingLost:
      counts.meterValueRows >= expectedMeterValueRows &&
      counts.transactionRows >= load.startsAnswered &&
      counts.stoppedTransactionRows >= load.stopsAnswered,
  };
}
