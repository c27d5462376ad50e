import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import { latestReading } from '../meter-sql';
import { ENERGY_REGISTER } from '../session-pricing';
import { authorizeAndTouchCard } from './cards';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';
import { recordField, recordsetOf } from './recordset';
import { NO_TOKEN } from './transactions';

export type OcppSessionLookup = { chargerId: string; ocppTransactionId: string };

const lookupRecords = recordsetOf({
  // The lookup's place in the batch (an integer, typed as one).
  position: transactions.connectorId,
  charger_id: transactions.chargerId,
  ocpp_transaction_id: transactions.ocppTransactionId,
});

// The sessions OCPP 2.0.1 chargers name by their own transactionIds, for many chargers at once in one statement
// (the charger server groups the reads of their TransactionEvents, batched.ts); in `lookups` order, null for none.
export async function findSessionsByOcppIds(db: Executor, lookups: OcppSessionLookup[]) {
  const rows = await db
    .select({
      position: sql<number>`${recordField('position')}`,
      id: transactions.id,
      connectorId: transactions.connectorId,
      idTag: transactions.idTag,
      isRemoteStarted: transactions.isRemoteStarted,
      meterStartWh: transactions.meterStartWh,
      isMeterStartPending: transactions.isMeterStartPending,
    })
    .from(lookupRecords(lookups.map((lookup, position) => ({ position, charger_id: lookup.chargerId, ocpp_transaction_id: lookup.ocppTransactionId }))))
    .innerJoin(transactions, and(eq(transactions.chargerId, recordField('charger_id')), eq(transactions.ocppTransactionId, recordField('ocpp_transaction_id'))));
  const found: (Omit<(typeof rows)[number], 'position'> | null)[] = lookups.map(() => null);
  for (const { position, ...session } of rows) found[position] = session;
  return found;
}

// The session's first energy reading, when its Started event brought none, becomes its meter start (once).
export async function settleMeterStart(db: Executor, { transactionId, meterStartWh }: { transactionId: number; meterStartWh: number }) {
  await db
    .update(transactions)
    .set({ meterStartWh, isMeterStartPending: false })
    .where(and(eq(transactions.id, transactionId), eq(transactions.isMeterStartPending, true)));
}

// The charger says it made one of the session's events while offline and delivered it once back: its owner sees
// that the session's readings came late.
export async function markEventsSentOffline(db: Executor, transactionId: number) {
  await db
    .update(transactions)
    .set({ hasEventsSentOffline: true })
    .where(and(eq(transactions.id, transactionId), eq(transactions.hasEventsSentOffline, false)));
}

// The session's last energy register reading in Wh, or null.
export async function lastSessionEnergyWh(db: Executor, transactionId: number) {
  const [row] = await db.select({ wh: latestReading(transactions.id, ENERGY_REGISTER) }).from(transactions).where(eq(transactions.id, transactionId));
  return row?.wh === null || row?.wh === undefined ? null : Math.round(Number(row.wh));
}

// The connector's last energy register reading in Wh, whichever session (or none) it was read in, or null.
export async function lastConnectorEnergyWh(db: Executor, { chargerId, connectorId }: { chargerId: string; connectorId: number }) {
  const [row] = await db
    .select({ value: meterValues.numericValue, unit: meterValues.unit })
    .from(meterValues)
    .where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.connectorId, connectorId), eq(meterValues.measurand, ENERGY_REGISTER), isNull(meterValues.phase)))
    .orderBy(desc(meterValues.sampledAt))
    .limit(1);
  if (!row || row.value === null) return null;
  return Math.round(row.unit === 'kWh' ? row.value * 1000 : row.value);
}

// A token presented after a session started without one: the session becomes the card's (and its user's).
export async function attachSessionToken(db: Database, ref: ChargerRef, { transactionId, idTag, isRemoteStarted }: { transactionId: number; idTag: string; isRemoteStarted: boolean }) {
  return db.transaction(async (tx) => {
    const authorization = await authorizeAndTouchCard(tx, ref, { idTag, context: isRemoteStarted ? 'remoteStart' : 'charger' });
    await tx
      .update(transactions)
      .set({ idTag, cardId: authorization.card?.id ?? null, userId: sql`coalesce(${authorization.card?.userId ?? null}::uuid, ${transactions.userId})`, authorizationStatus: authorization.status })
      .where(and(eq(transactions.id, transactionId), eq(transactions.idTag, NO_TOKEN)));
    await notifyChargerEvent(tx, { ...ref, kind: 'transaction-started' });
    return authorization;
  });
}

// The charger's own name for a session it started over OCPP 2.0.1, or null (a 1.6 session has none).
export async function ocppTransactionIdOf(db: Executor, { chargerId, transactionId }: { chargerId: string; transactionId: number }) {
  const [row] = await db
    .select({ ocppTransactionId: transactions.ocppTransactionId })
    .from(transactions)
    .where(and(eq(transactions.id, transactionId), eq(transactions.chargerId, chargerId)));
  return row?.ocppTransactionId ?? null;
}
