import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { chargerEventQuery } from './notify';

export type MeterSample = {
  sampledAt: Date;
  measurand: string;
  phase: string | null;
  unit: string | null;
  context: string | null;
  location: string | null;
  value: string;
  numericValue: number | null;
};

type SampleTarget = { chargerId: string; connectorId: number; transactionId: number | SQL | null };
type SampleRow = SampleTarget & MeterSample;

// One reading, one row: the columns of meter_values_sample_key, and the properties of a row they are stored from.
const sampleKey = getTableConfig(meterValues).uniqueConstraints.find((constraint) => constraint.getName() === 'meter_values_sample_key');
if (!sampleKey) throw new Error('meter_values has no meter_values_sample_key');
const sampleKeyColumns = sampleKey.columns;
const sampleKeyProperties = Object.entries(getTableColumns(meterValues))
  .filter(([, column]) => sampleKeyColumns.some((keyColumn) => keyColumn.name === column.name))
  .map(([property]) => property as keyof SampleRow);
if (sampleKeyProperties.length !== sampleKeyColumns.length) throw new Error('the columns of meter_values_sample_key are not all in meter_values');

// ON CONFLICT DO UPDATE may not touch a row twice in one statement: a reading repeated within one message is sent once.
function uniqueSamples(rows: SampleRow[]) {
  const byKey = new Map<string, SampleRow>();
  for (const row of rows) {
    const key = JSON.stringify(sampleKeyProperties.map((property) => row[property]));
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

// A sample already stored (the resend of a message whose answer the charger missed, or a StopTransaction's
// transactionData repeating a MeterValues reading) is not stored again: meter_values_sample_key. If the stored
// copy belongs to no session (MeterValues.transactionId is optional in OCPP 1.6) and this one does, the stored
// copy is linked to it, so the session's chart gets the point; a row already linked is left untouched.
function insertSamples(db: Executor, target: SampleTarget, samples: MeterSample[]) {
  return db
    .insert(meterValues)
    .values(uniqueSamples(samples.map((sample) => ({ ...target, ...sample }))))
    .onConflictDoUpdate({
      target: sampleKeyColumns,
      set: { transactionId: sql`excluded.transaction_id` },
      setWhere: sql`${meterValues.transactionId} is null and excluded.transaction_id is not null`,
    });
}

export async function insertMeterSamples(db: Executor, target: SampleTarget & { transactionId: number | null }, samples: MeterSample[]) {
  if (samples.length === 0) return;
  await insertSamples(db, target, samples);
}

type MeterValuesInput = { connectorId: number; transactionId?: number; samples: MeterSample[] };

// A charger may name a transaction this platform never issued (e.g. started while it pointed elsewhere);
// the samples are kept for the charger, unlinked.
function ownTransactionId(chargerId: string, transactionId: number | undefined) {
  if (transactionId === undefined) return null;
  return sql`(select ${transactions.id} from ${transactions} where ${transactions.id} = ${transactionId} and ${transactions.chargerId} = ${chargerId})`;
}

// The busiest write of all (every sample of every session): one statement, one round trip, instead of a
// transaction of four; the NOTIFY still goes out only when the insert commits.
export async function recordMeterValues(db: Database, ref: ChargerRef, input: MeterValuesInput) {
  const notify = chargerEventQuery({ ...ref, kind: 'meter-values' });
  if (input.samples.length === 0) {
    await db.execute(notify);
    return;
  }
  const target = { chargerId: ref.chargerId, connectorId: input.connectorId, transactionId: ownTransactionId(ref.chargerId, input.transactionId) };
  const insert = insertSamples(db, target, input.samples);
  await db.execute(sql`with inserted as ${insert} ${notify}`);
}
