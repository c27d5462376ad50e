import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { transactions } from '../../../db/schema';
import { decide, type CardAuthorization } from '../../charging/authorize-card';
import { isIssuableId } from '../../charging/limits';
import { OWNER_CLOSE_REASON } from '../../sessions/stop-reasons';
import { priceFrom } from '../session-pricing';
import { authorizeAndTouchCard } from './cards';
import type { ChargerRef } from './chargers';
import { insertStopSamples, type MeterSample } from './meter-values';
import { notifyChargerEvent } from './notify';
import { textSafe } from './recordset';
import { readStop, type StopFound, type StopRead } from './stop-reads';
import { closeStoppedSession, type StopClose } from './stop-writes';
import { closeTransaction } from './transactions';

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

// The charger server's batched store (batched.ts), or a statement per call.
export type StopTraffic = { readStop: (read: StopRead) => Promise<StopFound>; closeStoppedSession: (close: StopClose) => Promise<boolean> };

const oneByOne = (db: Database): StopTraffic => ({
  readStop: (read) => readStop(db, read),
  closeStoppedSession: (close) => closeStoppedSession(db, close),
});

// A session still open is closed in two statements and no transaction, which the charger server shares with other
// chargers' stops (`traffic`): one read of the session, its prices, readings and the stop's card (stop-reads.ts), the
// pricing here, and one write of everything the close leaves behind (stop-writes.ts), guarded so that it closes only
// a session still open. Everything else takes the transaction below, as does a stop whose session was closed between
// the two statements: an unknown id, a resent stop, a session a member closed by hand.
export async function stopTransaction(db: Database, ref: ChargerRef, input: StopInput, traffic: StopTraffic = oneByOne(db)): Promise<StopResult> {
  if (!isIssuableId(input.transactionId)) return { outcome: 'unknown', authorization: null };
  // PostgreSQL refuses a NUL in text: both paths store the tag as the batched write's jsonb would.
  input = { ...input, idTag: input.idTag === null ? null : textSafe(input.idTag) };
  const { transactionId, stoppedAt, idTag, samples } = input;
  const found = await traffic.readStop({ ref, transactionId, stoppedAt, idTag, samples });
  if (found.session?.isOpen && found.pricing) {
    const authorization = idTag ? decide(found.card, found.session.isRemoteStarted ? 'remoteStart' : 'charger', new Date()) : null;
    const closing = { meterStopWh: input.meterStopWh, stoppedAt, reason: input.reason ?? 'Local', idTag };
    const pricing = priceFrom(found.pricing, closing, found.moreReadings);
    const close = { ref, transactionId, connectorId: found.session.connectorId, closing, pricing, cardId: authorization?.card?.id ?? null, samples };
    if (await traffic.closeStoppedSession(close)) return { outcome: 'stopped', authorization };
  }
  return stopInTransaction(db, ref, input);
}

// Any stop, in one transaction holding the session's row: the reference the two statements above must agree with.
export async function stopInTransaction(db: Database, ref: ChargerRef, input: StopInput): Promise<StopResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(transactions)
      .where(and(eq(transactions.id, input.transactionId), eq(transactions.chargerId, ref.chargerId)))
      .for('no key update');
    if (!existing) return { outcome: 'unknown', authorization: null };
    const context = existing.isRemoteStarted ? 'remoteStart' : 'charger';
    const authorization = input.idTag ? await authorizeAndTouchCard(tx, ref, { idTag: input.idTag, context, connectorId: existing.connectorId }) : null;
    // A charger resends StopTransaction until it gets an answer; the first one wins. A session a member closed by
    // hand while the charger was away is the exception: the charger's own figures are the truth once it is back.
    const isOwnerClosed = existing.stoppedAt !== null && existing.closedByUserId !== null && existing.stopReason === OWNER_CLOSE_REASON;
    if (existing.stoppedAt && !isOwnerClosed) return { outcome: 'already-stopped', authorization };
    const closing = { meterStopWh: input.meterStopWh, stoppedAt: input.stoppedAt, reason: input.reason ?? 'Local', idTag: input.idTag };
    const target = { chargerId: ref.chargerId, connectorId: existing.connectorId, transactionId: existing.id };
    await insertStopSamples(tx, target, input.samples);
    await closeTransaction(tx, existing, closing, { isOwnerClosed });
    await notifyChargerEvent(tx, { ...ref, kind: 'transaction-stopped' });
    return { outcome: 'stopped', authorization };
  });
}
