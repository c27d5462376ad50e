import { recordMeterValues } from '../../store/meter-values';
import { toMeterSamples } from './samples';
import type { V16Handler } from './types';

export const meterValues: V16Handler<'MeterValues'> = async ({ charger, db }, request) => {
  await recordMeterValues(db, charger, {
    connectorId: request.connectorId,
    transactionId: request.transactionId,
    samples: toMeterSamples(request.meterValue),
  });
  return {};
};
