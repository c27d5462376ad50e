import { computeCost, sumAmounts } from '../charging/tariff';
import { priceTimeline, type PriceSources } from './price-timeline';
import { energyCurve, type EnergyReading } from './session-energy';
import type { PriceBasis } from '../../db/schema/statements';

export type CostLine = {
  startsAt: Date;
  endsAt: Date;
  energyWh: number;
  pricePerKwh: string | null;
  currency: string | null;
  cost: string | null;
  basis: PriceBasis | null;
};

export type SessionMeter = { start: EnergyReading; stop: EnergyReading; readings: EnergyReading[] };

// A closed session's lines: its energy over each span of one price (see priceTimeline), each line's cost rounded
// half-up to the cent. The session's cost is the sum of its lines when they share one currency (a currency changed
// during the session leaves the session's own cost empty; its lines keep theirs), and its price the single price
// of all its lines, if there was one.
export function sessionCostLines(sources: PriceSources, meter: SessionMeter) {
  const spans = priceTimeline(sources, meter.start.at, meter.stop.at);
  const charged = energyCurve(meter.start, meter.stop, meter.readings);
  const total = Math.max(0, meter.stop.wh - meter.start.wh);
  const lines: CostLine[] = spans.map((span, i) => {
    const energyWh = (i === spans.length - 1 ? total : charged(span.endsAt)) - (i === 0 ? 0 : charged(span.startsAt));
    const { price } = span;
    return {
      startsAt: span.startsAt,
      endsAt: span.endsAt,
      energyWh,
      pricePerKwh: price?.pricePerKwh ?? null,
      currency: price?.currency ?? null,
      cost: price ? computeCost(energyWh, price.pricePerKwh) : null,
      basis: price?.basis ?? null,
    };
  });
  const currencies = new Set(lines.flatMap((line) => (line.currency ? [line.currency] : [])));
  const prices = new Set(lines.map((line) => line.pricePerKwh));
  const currency = currencies.size === 1 ? [...currencies][0]! : null;
  return {
    lines,
    energyWh: total,
    cost: currency ? sumAmounts(lines.flatMap((line) => (line.cost ? [line.cost] : []))) : null,
    currency,
    pricePerKwh: currency && prices.size === 1 ? [...prices][0]! : null,
  };
}
