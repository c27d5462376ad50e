import { isIssuableId } from '../../../../domain/charging/limits';
import { findRemoteStartById } from '../../../../domain/data/charger-traffic/remote-start';
import { lastConnectorEnergyWh } from '../../../../domain/data/charger-traffic/ocpp-transactions';
import { NO_TOKEN, startTransaction } from '../../../../domain/data/charger-traffic/transactions';
import type { MeterSample } from '../../../../domain/data/charger-traffic/meter-values';
import { createRPCError } from '../../ocpp/rpc';
import { parseChargerTime } from '../../ocpp/charger-time';
import type { TransactionEventRequest } from '../../ocpp/v201';
import type { HandlerContext } from '../types';
import { connectorOfEvse } from './evse';
import { energyRegisterWh } from './samples';

// The tag the session is for: the charger's token, else the one the remote start it names was for, else none yet.
async function tagOf({ charger, db }: HandlerContext, request: TransactionEventRequest) {
  if (request.idToken && request.idToken.type !== 'NoAuthorization') return request.idToken.idToken;
  const remoteStartId = request.transactionInfo.remoteStartId;
  if (remoteStartId === undefined) return NO_TOKEN;
  return (await findRemoteStartById(db, { chargerId: charger.chargerId, remoteStartId }))?.idTag ?? NO_TOKEN;
}

// The first TransactionEvent of a transaction this platform has not seen (its Started, or a later one if the
// Started was lost): the session is started through the same domain function as a 1.6 StartTransaction, with the
// charger's transactionId in the same insert. The meter start is the event's register reading; a charger may send
// none at start, and the session's first reading is then its meter start (till then, the connector's last one
// stands in, else 0).
export async function startSession(ctx: HandlerContext, request: TransactionEventRequest, samples: MeterSample[]) {
  const { charger, db, log } = ctx;
  // 2.0.1 E01/E02: the evse field is sent in the first TransactionEvent after the EVSE is known.
  if (!request.evse) throw createRPCError('OccurrenceConstraintViolation', 'evse is required in the first TransactionEvent of a transaction');
  const connectorId = await connectorOfEvse(ctx, { evseId: request.evse.id, connectorId: request.evse.connectorId });
  const reading = energyRegisterWh(samples);
  const meterStartWh = reading ?? (await lastConnectorEnergyWh(db, { chargerId: charger.chargerId, connectorId })) ?? 0;
  const started = await startTransaction(db, charger, {
    connectorId,
    idTag: await tagOf(ctx, request),
    meterStartWh,
    startedAt: parseChargerTime(request.timestamp),
    reservationId: request.reservationId !== undefined && isIssuableId(request.reservationId) ? request.reservationId : null,
    ocppTransactionId: request.transactionInfo.transactionId,
    isMeterStartPending: reading === null,
  }, ctx.store);
  if (started.isRetry) log.info({ transactionId: started.transactionId }, 'retried TransactionEvent Started');
  return { session: { id: started.transactionId, connectorId, meterStartWh }, authorization: started.authorization };
}
