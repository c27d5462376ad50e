import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

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

export async function insertMeterSamples(db: Executor, target: SampleTarget, samples: MeterSample[]) {
  if (samples.length === 0) return;
  await db.insert(meterValues).values(samples.map((sample) => ({ ...target, ...sample })));
}

// A charger may name a transaction this platform never issued (e.g. started while it pointed elsewhere);
// the samples are kept for the charger, unlinked.
async function ownTransactionId(db: Executor, chargerId: string, transactionId: number | undefined) {
  if (transactionId === undefined) return null;
  const [row] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.id, transactionId), eq(transactions.chargerId, chargerId)));
  return row?.id ?? null;
}

type MeterValuesInput = { connectorId: number; transactionId?: number; samples: MeterSample[] };

export async function recordMeterValues(db: Database, ref: ChargerRef, input: MeterValuesInput) {
  await db.transaction(async (tx) => {
    const transactionId = await ownTransactionId(tx, ref.chargerId, input.transactionId);
    await insertMeterSamples(tx, { chargerId: ref.chargerId, connectorId: input.connectorId, transactionId }, input.samples);
    await notifyChargerEvent(tx, { ...ref, kind: 'meter-values' });
  });
}
