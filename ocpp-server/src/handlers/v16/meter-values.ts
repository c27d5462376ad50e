import { MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { createRPCError } from '../../ocpp/rpc';
import { toMeterSamples } from './samples';
import type { V16Handler } from './types';

export const meterValues: V16Handler<'MeterValues'> = async ({ charger, store }, request) => {
  // The 1.6 schema sets no upper bound; a connector this platform cannot have is refused here, not by the database.
  if (request.connectorId > MAX_CONNECTORS) throw createRPCError('PropertyConstraintViolation', `connectorId must be at most ${MAX_CONNECTORS}`);
  await store.recordMeterValues({
    ...charger,
    connectorId: request.connectorId,
    transactionId: request.transactionId,
    samples: toMeterSamples(request.meterValue),
  });
  return {};
};
