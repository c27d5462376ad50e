import { sql, type SQL } from 'drizzle-orm';
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

type SampleTarget = { chargerId: string; connectorId: number; transactionId: number | null };

// A sample already stored (the resend of a message whose answer the charger missed, or a StopTransaction's
// transactionData repeating a MeterValues reading) is skipped: meter_values_sample_key.
function insertSamples(db: Executor, target: SampleTarget | (Omit<SampleTarget, 'transactionId'> & { transactionId: SQL | null }), samples: MeterSample[]) {
  return db
    .insert(meterValues)
    .values(samples.map((sample) => ({ ...target, ...sample })))
    .onConflictDoNothing();
}

export async function insertMeterSamples(db: Executor, target: SampleTarget, samples: MeterSample[]) {
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
