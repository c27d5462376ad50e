import type { MeterValue } from '../../ocpp/v16';
import type { MeterSample } from '../../../../domain/data/charger-traffic/meter-values';
import { parseChargerTime } from '../../ocpp/charger-time';

// OCPP 1.6 SampledValue defaults (§7): measurand Energy.Active.Import.Register, format Raw.
export function toMeterSamples(meterValues: MeterValue[]): MeterSample[] {
  return meterValues.flatMap(({ timestamp, sampledValue }) => {
    if (sampledValue.length === 0) return [];
    // Once per reading time, not per sampled value: the values of one MeterValue share it.
    const sampledAt = parseChargerTime(timestamp);
    return sampledValue.map((sample) => {
      const numeric = sample.format === 'SignedData' ? Number.NaN : Number(sample.value);
      return {
        sampledAt,
        measurand: sample.measurand ?? 'Energy.Active.Import.Register',
        phase: sample.phase ?? null,
        unit: sample.unit ?? null,
        context: sample.context ?? null,
        location: sample.location ?? null,
        value: sample.value,
        numericValue: Number.isFinite(numeric) ? numeric : null,
      };
    });
  });
}
