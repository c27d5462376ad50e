import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { LoadResult } from './load';

// Each simulated MeterValues carries two sampled values (energy register and power), each one row.
const SAMPLES_PER_MESSAGE = 2;

export async function checkRows(db: Database, load: LoadResult) {
  const [counts] = (await db.execute(sql`
    select (select count(*) from meter_values)::int as "meterValueRows",
           (select count(*) from transactions)::int as "transactionRows",
           (select count(*) from transactions where stopped_at is not null)::int as "stoppedTransactionRows",
           (select count(*) from ocpp_messages)::int as "ocppMessageRows"`)) as unknown as {
    meterValueRows: number;
    transactionRows: number;
    stoppedTransactionRows: number;
    ocppMessageRows: number;
  }[];
  const expectedMeterValueRows = load.meterValuesAnswered * SAMPLES_PER_MESSAGE;
  return {
    ...counts!,
    expectedMeterValueRows,
    expectedTransactionRows: load.startsAnswered,
    expectedStoppedTransactionRows: load.stopsAnswered,
    // At least: a message still in flight when the load stopped may be written without its answer being counted.
    isNothingLost:
      counts!.meterValueRows >= expectedMeterValueRows &&
      counts!.transactionRows >= load.startsAnswered &&
      counts!.stoppedTransactionRows >= load.stopsAnswered,
  };
}
