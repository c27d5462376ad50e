import type { MeterValue } from '../../ocpp/v16';
import type { MeterSample } from '../../../../domain/data/charger-traffic/meter-values';
import { parseChargerTime } from '../../ocpp/charger-time';

// OCPP 1.6 SampledValue defaults (§7): measurand Energy.Active.Import.Register, format Raw.
export function toMeterSamples(meterValues: MeterValue[]): MeterSample[] {
  return meterValues.flatMap(({ timestamp, sampledValue }) =>
    sampledValue.map((sample) => {
      const numeric = sample.format === 'SignedData' ? Number.NaN : Number(sample.value);
      return {
        sampledAt: parseChargerTime(timestamp),
        measurand: sample.measurand ?? 'Energy.Active.Import.Register',
        phase: sample.phase ?? null,
        unit: sample.unit ?? null,
        context: sample.context ?? null,
        location: sample.location ?? null,
        value: sample.value,
        numericValue: Number.isFinite(numeric) ? numeric : null,
      };
    }),
  );
}
