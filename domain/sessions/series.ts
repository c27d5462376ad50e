export type Sample = { sampledAt: Date; measurand: string; phase: string | null; unit: string | null; numericValue: number | null };
export type Point = { at: number; value: number };
export type SessionSeries = { powerKw: Point[]; energyKwh: Point[] };

const toKilo = (value: number, unit: string | null, base: 'W' | 'Wh') => (unit === `k${base}` ? value : value / 1000);

// Sums phases sampled at the same moment when the charger reports no total (OCPP 1.6 §7.31 phase).
function totals(samples: Sample[], measurand: string, base: 'W' | 'Wh'): Point[] {
  const own = samples.filter((sample) => sample.measurand === measurand && sample.numericValue !== null);
  const overall = own.filter((sample) => sample.phase === null);
  const chosen = overall.length > 0 ? overall : own.filter((sample) => /^L\d$/.test(sample.phase ?? ''));
  const byTime = new Map<number, number>();
  for (const sample of chosen) {
    const at = sample.sampledAt.getTime();
    byTime.set(at, (byTime.get(at) ?? 0) + toKilo(sample.numericValue!, sample.unit, base));
  }
  return [...byTime].map(([at, value]) => ({ at, value })).sort((a, b) => a.at - b.at);
}

// Without power samples, the average power between two energy readings stands in for it.
function powerFromEnergy(energy: Point[]): Point[] {
  return energy.slice(1).flatMap((point, index) => {
    const previous = energy[index]!;
    const hours = (point.at - previous.at) / 3_600_000;
    return hours > 0 ? [{ at: point.at, value: Math.max(0, (point.value - previous.value) / hours) }] : [];
  });
}

type SeriesInput = { samples: Sample[]; meterStartWh: number; startedAt: Date; stoppedAt: Date | null; energyWh: number | null };

export function sessionSeries({ samples, meterStartWh, startedAt, stoppedAt, energyWh }: SeriesInput): SessionSeries {
  const register = totals(samples, 'Energy.Active.Import.Register', 'Wh');
  const energyKwh = [
    { at: startedAt.getTime(), value: 0 },
    ...register.map(({ at, value }) => ({ at, value: Math.max(0, value - meterStartWh / 1000) })),
  ];
  if (stoppedAt && energyWh !== null) energyKwh.push({ at: stoppedAt.getTime(), value: energyWh / 1000 });
  const measuredPower = totals(samples, 'Power.Active.Import', 'W');
  return { powerKw: measuredPower.length > 0 ? measuredPower : powerFromEnergy(energyKwh), energyKwh };
}
