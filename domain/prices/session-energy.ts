export type EnergyReading = { at: Date; wh: number };

// The meter's energy register between a session's start and stop, as a function of time: the readings the charger
// sent, joined by straight lines. Energy of an interval between two readings is spread over it evenly, so a span
// that cuts an interval takes the share of its energy proportional to the time it covers. Readings outside the
// session, or going backwards, or past the meter stop, are clamped so the total is always meterStop - meterStart.
export function energyCurve(start: EnergyReading, stop: EnergyReading, readings: EnergyReading[]) {
  const total = Math.max(0, stop.wh - start.wh);
  const points: { ms: number; wh: number }[] = [{ ms: start.at.getTime(), wh: 0 }];
  const inside = readings
    .filter((reading) => reading.at.getTime() > start.at.getTime() && reading.at.getTime() < stop.at.getTime() && Number.isFinite(reading.wh))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const reading of inside) {
    const last = points.at(-1)!;
    const wh = Math.min(total, Math.max(last.wh, reading.wh - start.wh));
    if (reading.at.getTime() === last.ms) last.wh = wh;
    else points.push({ ms: reading.at.getTime(), wh });
  }
  const end = { ms: Math.max(start.at.getTime(), stop.at.getTime()), wh: total };
  if (end.ms === points.at(-1)!.ms) points[points.length - 1] = end;
  else points.push(end);

  // Whole watt-hours charged from the start to `at`: each span's energy is the difference of two of these, so the
  // spans of a session always add up to its total exactly.
  return (at: Date) => {
    const ms = at.getTime();
    if (ms >= end.ms) return total;
    const after = points.findIndex((point) => point.ms > ms);
    if (after <= 0) return 0;
    const a = points[after - 1]!;
    const b = points[after]!;
    return Math.round(a.wh + ((b.wh - a.wh) * (ms - a.ms)) / (b.ms - a.ms));
  };
}
