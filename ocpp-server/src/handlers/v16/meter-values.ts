import { toMeterSamples } from './samples';
import type { V16Handler } from './types';

export const meterValues: V16Handler<'MeterValues'> = async ({ charger, store }, request) => {
  await store.recordMeterValues({
    ...charger,
    connectorId: request.connectorId,
    transactionId: request.transactionId,
    samples: toMeterSamples(request.meterValue),
  });
  return {};
};
