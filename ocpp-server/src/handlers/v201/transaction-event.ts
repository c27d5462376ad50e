import { isStorableSample } from '../../../../domain/data/charger-traffic/meter-values';
import { attachSessionToken, lastSessionEnergyWh, markEventsSentOffline, settleMeterStart } from '../../../../domain/data/charger-traffic/ocpp-transactions';
import { authorizeAndTouchCard } from '../../../../domain/data/charger-traffic/cards';
import { NO_TOKEN } from '../../../../domain/data/charger-traffic/transactions';
import { stopTransaction } from '../../../../domain/data/charger-traffic/stops';
import { parseChargerTime } from '../../ocpp/charger-time';
import type { TransactionEventRequest } from '../../ocpp/v201';
import type { HandlerContext } from '../types';
import { CONNECTOR_STATUS_OF_CHARGING_STATE } from './charging-state';
import { toIdTokenInfo } from './id-token-info';
import { energyRegisterWh, toMeterSamples } from './samples';
import { startSession } from './transaction-start';
import type { V201Handler } from './types';

type Session = { id: number; connectorId: number; idTag: string; isRemoteStarted: boolean; meterStartWh: number };

// A token in a later event: attached to a session that started without one, otherwise checked again (2.0.1 E05).
async function checkToken({ charger, db }: HandlerContext, session: Session, idTag: string) {
  if (session.idTag === NO_TOKEN) return attachSessionToken(db, charger, { transactionId: session.id, idTag, isRemoteStarted: session.isRemoteStarted });
  return authorizeAndTouchCard(db, charger, { idTag, context: session.isRemoteStarted ? 'remoteStart' : 'charger' });
}

async function endSession({ charger, db, log, store }: HandlerContext, request: TransactionEventRequest, session: Pick<Session, 'id' | 'meterStartWh'>, samples: ReturnType<typeof toMeterSamples>) {
  // No reading at all: the session is closed with no energy rather than left open.
  const meterStopWh = energyRegisterWh(samples) ?? (await lastSessionEnergyWh(db, session.id)) ?? session.meterStartWh;
  const stopped = await stopTransaction(db, charger, {
    transactionId: session.id,
    meterStopWh,
    stoppedAt: parseChargerTime(request.timestamp),
    reason: request.transactionInfo.stoppedReason ?? null,
    idTag: null,
    samples,
  }, store);
  if (stopped.outcome === 'already-stopped') log.info({ transactionId: session.id }, 'TransactionEvent Ended for a session already stopped');
}

// The session an event names. An Updated event without a token (the steady one, every few seconds per session)
// takes it from this socket's memory: its id and connector never change, and its meter start is settled once. Any
// other event, and the first Updated a socket sees, reads it (and a read is what is remembered: it is committed), in
// a statement shared with other chargers' events.
async function sessionNamed({ charger, store, memory }: HandlerContext, request: TransactionEventRequest, token: string | null) {
  const ocppTransactionId = request.transactionInfo.transactionId;
  const remembered = request.eventType === 'Updated' && token === null ? memory.sessionOf(ocppTransactionId) : undefined;
  if (remembered) return { known: remembered, read: null };
  const read = await store.findSessionByOcppId({ chargerId: charger.chargerId, ocppTransactionId });
  return { known: read, read };
}

// One file for the three event types: Started opens a session, Updated adds readings (and maybe a token), Ended
// closes it; each may be the first this platform hears of the transaction, and a resent one changes nothing twice.
// seqNo is not stored: events arrive in order on one socket, and readings are keyed by their own time and value.
// The writes an event needs are independent of each other and go together; the charger is answered once all are in.
export const transactionEvent: V201Handler<'TransactionEvent'> = async (ctx, request) => {
  const { charger, db, store, memory } = ctx;
  const ocppTransactionId = request.transactionInfo.transactionId;
  const samples = toMeterSamples(request.meterValue ?? []).filter(isStorableSample);
  const token = request.idToken && request.idToken.type !== 'NoAuthorization' ? request.idToken.idToken : null;
  const { known, read } = await sessionNamed(ctx, request, token);
  const started = known ? null : await startSession(ctx, request, samples);
  const session = known ?? started!.session;
  const reading = energyRegisterWh(samples);
  const isSettling = known?.isMeterStartPending === true && reading !== null;
  const authorization = known ? read && token && (await checkToken(ctx, read, token)) : started!.authorization;
  const chargingState = request.transactionInfo.chargingState;
  // Before the writes: an Ended event's stop reads the session's meter start.
  if (request.offline) await markEventsSentOffline(db, session.id);
  if (isSettling) await settleMeterStart(db, { transactionId: session.id, meterStartWh: reading });
  const writes: Promise<unknown>[] = [];
  if (chargingState && request.eventType !== 'Ended') {
    writes.push(store.recordConnectorStatus({ ...charger, connectorId: session.connectorId, status: CONNECTOR_STATUS_OF_CHARGING_STATE[chargingState], errorCode: 'NoError', info: null, vendorId: null, vendorErrorCode: null, statusAt: parseChargerTime(request.timestamp) }));
  }
  // An Ended event's session is never a remembered one: it was read or has just started.
  if (request.eventType === 'Ended') writes.push(endSession(ctx, request, read ?? started!.session, samples));
  else if (samples.length > 0) writes.push(store.recordMeterValues({ ...charger, connectorId: session.connectorId, transactionId: session.id, samples }));
  // Both writes settle before the answer: on a failure the CALLERROR is sent only once the other write has also
  // committed or failed, so the charger's retry never races a write still under way.
  const failed = (await Promise.allSettled(writes)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  if (request.eventType === 'Ended') memory.forgetSession(ocppTransactionId);
  else if (known) memory.rememberSession(db, ocppTransactionId, { id: session.id, connectorId: session.connectorId, isMeterStartPending: known.isMeterStartPending && !isSettling });
  return authorization && token ? { idTokenInfo: toIdTokenInfo(authorization) } : {};
};
