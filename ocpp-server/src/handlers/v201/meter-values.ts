import { isStorableSample, MAX_SAMPLE_VALUE_BYTES } from '../../../../domain/data/charger-traffic/meter-values';
import { refuseUnless } from '../v16/refuse';
import { connectorOfEvse } from './evse';
import { toMeterSamples } from './samples';
import type { V201Handler } from './types';

// Readings outside a transaction (clock-aligned, EVSE 0's main meter); a session's come in its TransactionEvents.
export const meterValues: V201Handler<'MeterValues'> = async (ctx, request) => {
  const connectorId = await connectorOfEvse(ctx, { evseId: request.evseId });
  const samples = toMeterSamples(request.meterValue);
  refuseUnless(samples.every(isStorableSample), `A sampled value must be at most ${MAX_SAMPLE_VALUE_BYTES} bytes`);
  await ctx.store.recordMeterValues({ ...ctx.charger, connectorId, samples });
  return {};
};
