import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { transactions } from '../../../db/schema';
import type { CardAuthorization } from '../../../lib/charging/authorize-card';
import { computeCost, getTariffInForce } from '../../../lib/charging/tariff';
import { authorizeAndTouchCard } from './cards';
import type { ChargerRef } from './chargers';
import { insertMeterSamples, type MeterSample } from './meter-values';
import { notifyChargerEvent } from './notify';
import { findAcceptedRemoteStart } from './remote-start';

export type StartInput = {
  connectorId: number;
  idTag: string;
  meterStartWh: number;
  startedAt: Date;
  reservationId: number | null;
};

async function findRetriedStart(db: Executor, chargerId: string, input: StartInput) {
  const [row] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(
      and(
        eq(transactions.chargerId, chargerId),
        eq(transactions.connectorId, input.connectorId),
        eq(transactions.idTag, input.idTag),
        eq(transactions.startedAt, input.startedAt),
        eq(transactions.meterStartWh, input.meterStartWh),
      ),
    );
  return row!.id;
}

export async function startTransaction(db: Database, ref: ChargerRef, input: StartInput) {
  return db.transaction(async (tx) => {
    const remoteStart = await findAcceptedRemoteStart(tx, { chargerId: ref.chargerId, idTag: input.idTag });
    const context = remoteStart ? 'remoteStart' : 'charger';
    const authorization = await authorizeAndTouchCard(tx, ref, { idTag: input.idTag, context });
    // §4.8: the charger starts regardless and expects a transactionId even when the tag is refused.
    const [inserted] = await tx
      .insert(transactions)
      .values({
        chargerId: ref.chargerId,
        ...input,
        cardId: authorization.card?.id ?? null,
        userId: authorization.card?.userId ?? remoteStart?.requestedBy ?? null,
        authorizationStatus: authorization.status,
        isRemoteStarted: remoteStart !== null,
      })
      .onConflictDoNothing()
      .returning({ id: transactions.id });
    const transactionId = inserted?.id ?? (await findRetriedStart(tx, ref.chargerId, input));
    if (inserted) await notifyChargerEvent(tx, { ...ref, kind: 'transaction-started' });
    return { transactionId, authorization, isRetry: !inserted };
  });
}

export type StopInput = {
  transactionId: number;
  meterStopWh: number;
  stoppedAt: Date;
  reason: string | null;
  idTag: string | null;
  samples: MeterSample[];
};

export type StopResult =
  | { outcome: 'stopped' | 'already-stopped'; authorization: CardAuthorization | null }
  | { outcome: 'unknown'; authorization: null };

export async function stopTransaction(db: Database, ref: ChargerRef, input: StopInput): Promise<StopResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(transactions)
      .where(and(eq(transactions.id, input.transactionId), eq(transactions.chargerId, ref.chargerId)))
      .for('update');
    if (!existing) return { outcome: 'unknown', authorization: null };
    const context = existing.isRemoteStarted ? 'remoteStart' : 'charger';
    const authorization = input.idTag ? await authorizeAndTouchCard(tx, ref, { idTag: input.idTag, context }) : null;
    // A charger resends StopTransaction until it gets an answer; the first one wins.
    if (existing.stoppedAt) return { outcome: 'already-stopped', authorization };
    const energyWh = Math.max(0, input.meterStopWh - existing.meterStartWh);
    const tariff = await getTariffInForce(tx, { chargerId: ref.chargerId, at: input.stoppedAt });
    await tx
      .update(transactions)
      .set({
        meterStopWh: input.meterStopWh,
        stoppedAt: input.stoppedAt,
        stopReason: input.reason ?? 'Local',
        stopIdTag: input.idTag,
        energyWh,
        cost: tariff ? computeCost(energyWh, tariff.pricePerKwh) : null,
        currency: tariff?.currency ?? null,
        pricePerKwh: tariff?.pricePerKwh ?? null,
      })
      .where(and(eq(transactions.id, existing.id), isNull(transactions.stoppedAt)));
    const target = { chargerId: ref.chargerId, connectorId: existing.connectorId, transactionId: existing.id };
    await insertMeterSamples(tx, target, input.samples);
    await notifyChargerEvent(tx, { ...ref, kind: 'transaction-stopped' });
    return { outcome: 'stopped', authorization };
  });
}
