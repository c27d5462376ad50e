import { isConnectorId, isIssuableId, MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { startTransaction as recordStart } from '../../../../domain/data/charger-traffic/transactions';
import { parseChargerTime } from '../../ocpp/charger-time';
import { toIdTagInfo } from './id-tag-info';
import { refuseUnless } from './refuse';
import type { V16Handler } from './types';

export const startTransaction: V16Handler<'StartTransaction'> = async ({ charger, db, log, store }, request) => {
  refuseUnless(isConnectorId(request.connectorId), `connectorId must be from 0 to ${MAX_CONNECTORS}`);
  refuseUnless(Number.isSafeInteger(request.meterStart), 'meterStart is out of range');
  const started = await recordStart(db, charger, {
    connectorId: request.connectorId,
    idTag: request.idTag,
    meterStartWh: request.meterStart,
    startedAt: parseChargerTime(request.timestamp),
    // Reservation ids are PostgreSQL integers (reservations.id): one outside that range names none this platform made.
    reservationId: request.reservationId !== undefined && isIssuableId(request.reservationId) ? request.reservationId : null,
  }, store);
  if (started.isRetry) log.info({ transactionId: started.transactionId }, 'retried StartTransaction answered with its first id');
  return { transactionId: started.transactionId, idTagInfo: toIdTagInfo(started.authorization) };
};
