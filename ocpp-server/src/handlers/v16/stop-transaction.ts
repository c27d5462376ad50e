import { stopTransaction as recordStop } from '../../../../domain/data/charger-traffic/transactions';
import { toIdTagInfo } from './id-tag-info';
import { toMeterSamples } from './samples';
import type { V16Handler } from './types';
import { parseChargerTime } from '../../ocpp/charger-time';

export const stopTransaction: V16Handler<'StopTransaction'> = async ({ charger, db, log }, request) => {
  const stopped = await recordStop(db, charger, {
    transactionId: request.transactionId,
    meterStopWh: request.meterStop,
    stoppedAt: parseChargerTime(request.timestamp),
    reason: request.reason ?? null,
    idTag: request.idTag ?? null,
    samples: toMeterSamples(request.transactionData ?? []),
  });
  // §4.10: the charger deletes the transaction once answered, so an unknown id is answered too, never refused.
  if (stopped.outcome === 'unknown') log.warn({ transactionId: request.transactionId }, 'StopTransaction for an unknown transaction');
  return stopped.authorization ? { idTagInfo: toIdTagInfo(stopped.authorization) } : {};
};
