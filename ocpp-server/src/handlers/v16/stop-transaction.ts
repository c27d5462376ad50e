import { isStorableSample } from '../../../../domain/data/charger-traffic/meter-values';
import { stopTransaction as recordStop } from '../../../../domain/data/charger-traffic/stops';
import { parseChargerTime } from '../../ocpp/charger-time';
import { toIdTagInfo } from './id-tag-info';
import { refuseUnless } from './refuse';
import { toMeterSamples } from './samples';
import type { V16Handler } from './types';

export const stopTransaction: V16Handler<'StopTransaction'> = async ({ charger, db, log, store }, request) => {
  refuseUnless(Number.isSafeInteger(request.meterStop), 'meterStop is out of range');
  const samples = toMeterSamples(request.transactionData ?? []);
  // Unlike a MeterValues, the stop is not refused for a sample it cannot store: that would leave the session open.
  const storable = samples.filter(isStorableSample);
  if (storable.length < samples.length) log.warn({ transactionId: request.transactionId, dropped: samples.length - storable.length }, 'transactionData sample too long to store');
  const stopped = await recordStop(db, charger, {
    transactionId: request.transactionId,
    meterStopWh: request.meterStop,
    stoppedAt: parseChargerTime(request.timestamp),
    reason: request.reason ?? null,
    idTag: request.idTag ?? null,
    samples: storable,
  }, store);
  // §4.10: the charger deletes the transaction once answered, so an unknown id is answered too, never refused.
  if (stopped.outcome === 'unknown') log.warn({ transactionId: request.transactionId }, 'StopTransaction for an unknown transaction');
  return stopped.authorization ? { idTagInfo: toIdTagInfo(stopped.authorization) } : {};
};
