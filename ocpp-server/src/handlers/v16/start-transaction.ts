import { startTransaction as recordStart } from '../../../../domain/data/charger-traffic/transactions';
import { toIdTagInfo } from './id-tag-info';
import type { V16Handler } from './types';
import { parseChargerTime } from '../../ocpp/charger-time';

export const startTransaction: V16Handler<'StartTransaction'> = async ({ charger, db, log }, request) => {
  const started = await recordStart(db, charger, {
    connectorId: request.connectorId,
    idTag: request.idTag,
    meterStartWh: request.meterStart,
    startedAt: parseChargerTime(request.timestamp),
    reservationId: request.reservationId ?? null,
  });
  if (started.isRetry) log.info({ transactionId: started.transactionId }, 'retried StartTransaction answered with its first id');
  return { transactionId: started.transactionId, idTagInfo: toIdTagInfo(started.authorization) };
};
