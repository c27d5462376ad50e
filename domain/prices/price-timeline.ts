import type { PriceBasis } from '../../db/schema/statements';
import { localHourMarks, localParts } from './local-time';
import { periodAt, type TimeOfUsePeriod } from './time-of-use';

// One version of a price source, in force from validFrom until the next version of the same source.
export type PriceVersion = { validFrom: Date } & (
  | { kind: 'ended' }
  | { kind: 'fixed' | 'personal' | 'dayAhead'; pricePerKwh: string; currency: string }
  | { kind: 'timeOfUse'; periods: TimeOfUsePeriod[]; currency: string }
);

// Sources most specific first (a card's own price, a member's, the charger's, the account's), each sorted by
// validFrom: at any moment the first source whose version then is not `ended` sets the price.
export type PriceSources = {
  timeZone: string;
  layers: PriceVersion[][];
  // Day-ahead hours by the epoch milliseconds of their (whole UTC hour) start.
  dayAheadHours: Map<number, string>;
};

export type Price = { pricePerKwh: string; currency: string; basis: PriceBasis } | null;
export type PricedSpan = { startsAt: Date; endsAt: Date; price: Price };

const HOUR_MS = 3_600_000;

function versionAt(layer: PriceVersion[], at: Date) {
  let found: PriceVersion | null = null;
  for (const version of layer) if (version.validFrom.getTime() <= at.getTime()) found = version;
  return found;
}

function resolve(version: PriceVersion, at: Date, sources: PriceSources): Price {
  switch (version.kind) {
    case 'ended':
      return null;
    case 'fixed':
    case 'personal':
      return { pricePerKwh: version.pricePerKwh, currency: version.currency, basis: version.kind };
    case 'timeOfUse': {
      const period = periodAt(version.periods, localParts(at, sources.timeZone));
      return period && { pricePerKwh: period.pricePerKwh, currency: version.currency, basis: 'timeOfUse' };
    }
    case 'dayAhead': {
      const hourly = sources.dayAheadHours.get(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      // An hour not imported is charged at the day-ahead price's own fixed fallback.
      return hourly === undefined
        ? { pricePerKwh: version.pricePerKwh, currency: version.currency, basis: 'fixed' }
        : { pricePerKwh: hourly, currency: version.currency, basis: 'dayAhead' };
    }
  }
}

export function priceAt(sources: PriceSources, at: Date): Price {
  for (const layer of sources.layers) {
    const version = versionAt(layer, at);
    if (version && version.kind !== 'ended') return resolve(version, at, sources);
  }
  return null;
}

const samePrice = (a: Price, b: Price) => a === b || (a !== null && b !== null && a.pricePerKwh === b.pricePerKwh && a.currency === b.currency && a.basis === b.basis);

// The spans of [from, to] with one price each: cut at every moment the price may change (a new version of any
// source, a whole local or UTC hour) and at every local midnight; neighbours with the same price are joined again,
// except across a midnight, so a day always takes whole spans.
export function priceTimeline(sources: PriceSources, from: Date, to: Date): PricedSpan[] {
  if (to.getTime() <= from.getTime()) return [{ startsAt: from, endsAt: from, price: priceAt(sources, from) }];
  const inside = (ms: number) => ms > from.getTime() && ms < to.getTime();
  const cuts = new Set<number>();
  const midnights = new Set<number>();
  for (const mark of localHourMarks(from, to, sources.timeZone)) {
    cuts.add(mark.at.getTime());
    if (mark.isMidnight) midnights.add(mark.at.getTime());
  }
  for (let ms = Math.floor(from.getTime() / HOUR_MS + 1) * HOUR_MS; ms < to.getTime(); ms += HOUR_MS) cuts.add(ms);
  for (const layer of sources.layers) for (const version of layer) if (inside(version.validFrom.getTime())) cuts.add(version.validFrom.getTime());
  const edges = [from.getTime(), ...[...cuts].sort((a, b) => a - b), to.getTime()];
  const spans: PricedSpan[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const startsAt = new Date(edges[i]!);
    const price = priceAt(sources, startsAt);
    const previous = spans.at(-1);
    if (previous && samePrice(previous.price, price) && !midnights.has(edges[i]!)) previous.endsAt = new Date(edges[i + 1]!);
    else spans.push({ startsAt, endsAt: new Date(edges[i + 1]!), price });
  }
  return spans;
}
