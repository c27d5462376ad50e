import { isConnectorId, MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { isStorableSample, MAX_SAMPLE_VALUE_BYTES } from '../../../../domain/data/charger-traffic/meter-values';
import { refuseUnless } from './refuse';
import { toMeterSamples } from './samples';
import type { V16Handler } from './types';

export const meterValues: V16Handler<'MeterValues'> = async ({ charger, store }, request) => {
  // The 1.6 schema sets no upper bound; a connector this platform cannot have is refused here, not by the database.
  refuseUnless(isConnectorId(request.connectorId), `connectorId must be from 0 to ${MAX_CONNECTORS}`);
  const samples = toMeterSamples(request.meterValue);
  refuseUnless(samples.every(isStorableSample), `A sampled value must be at most ${MAX_SAMPLE_VALUE_BYTES} bytes`);
  await store.recordMeterValues({ ...charger, connectorId: request.connectorId, transactionId: request.transactionId, samples });
  return {};
};
