import type { MeterSample } from '../../../../domain/data/charger-traffic/meter-values';
import { ENERGY_REGISTER } from '../../../../domain/data/session-pricing';
import { parseChargerTime } from '../../ocpp/charger-time';
import type { MeterValue201 } from '../../ocpp/v201';

// 2.0.1 SampledValueType: a number scaled by 10^multiplier of its unitOfMeasure (defaults: unit Wh, multiplier 0,
// measurand Energy.Active.Import.Register); stored scaled, so a reading reads the same whichever version sent it.
export function toMeterSamples(meterValues: MeterValue201[]): MeterSample[] {
  return meterValues.flatMap(({ timestamp, sampledValue }) => {
    if (sampledValue.length === 0) return [];
    // Once per reading time, not per sampled value: the values of one MeterValue share it.
    const sampledAt = parseChargerTime(timestamp);
    return sampledValue.map((sample) => {
      const scaled = sample.value * 10 ** (sample.unitOfMeasure?.multiplier ?? 0);
      return {
        sampledAt,
        measurand: sample.measurand ?? ENERGY_REGISTER,
        phase: sample.phase ?? null,
        unit: sample.unitOfMeasure?.unit ?? 'Wh',
        context: sample.context ?? null,
        location: sample.location ?? null,
        value: String(scaled),
        numericValue: Number.isFinite(scaled) ? scaled : null,
      };
    });
  });
}

// The energy register in Wh, from the last reading that has one (a kWh reading converted), or null.
export function energyRegisterWh(samples: MeterSample[]) {
  const readings = samples.filter((sample) => sample.measurand === ENERGY_REGISTER && sample.phase === null && sample.numericValue !== null);
  const last = readings.at(-1);
  if (!last) return null;
  return Math.round(last.unit?.toLowerCase() === 'kwh' ? last.numericValue! * 1000 : last.numericValue!);
}
