import { describe, expect, it } from 'vitest';
import { sessionSeries, type Sample } from './series';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const sample = (minute: number, measurand: string, numericValue: number, unit: string, phase: string | null = null): Sample => ({
  sampledAt: at(minute),
  measurand,
  phase,
  unit,
  numericValue,
});

describe('session series', () => {
  it('turns register readings into kWh since start and power into kW', () => {
    const series = sessionSeries({
      samples: [sample(1, 'Energy.Active.Import.Register', 10_200, 'Wh'), sample(1, 'Power.Active.Import', 11_000, 'W'), sample(2, 'Energy.Active.Import.Register', 10.4, 'kWh')],
      meterStartWh: 10_000,
      startedAt: at(0),
      stoppedAt: at(3),
      energyWh: 500,
    });
    expect(series.energyKwh.map((point) => Number(point.value.toFixed(3)))).toEqual([0, 0.2, 0.4, 0.5]);
    expect(series.powerKw).toEqual([{ at: at(1).getTime(), value: 11 }]);
  });

  it('adds up phases when no total is reported, and derives power from energy when none is sampled', () => {
    const phases = sessionSeries({
      samples: ['L1', 'L2', 'L3'].map((phase) => sample(1, 'Power.Active.Import', 3.7, 'kW', phase)),
      meterStartWh: 0,
      startedAt: at(0),
      stoppedAt: null,
      energyWh: null,
    });
    expect(phases.powerKw[0]!.value).toBeCloseTo(11.1);
    const derived = sessionSeries({ samples: [sample(30, 'Energy.Active.Import.Register', 5_000, 'Wh')], meterStartWh: 0, startedAt: at(0), stoppedAt: null, energyWh: null });
    expect(derived.powerKw).toEqual([{ at: at(30).getTime(), value: 10 }]);
  });
});
