import { describe, expect, it } from 'vitest';
import { priceTimeline, type PriceSources } from '../prices/price-timeline';
import { nextLocalTime } from './departure';
import { planCheapestCharging, type PlanInput } from './plan';
import { planBars } from './plan-bars';
import { readyByProfile } from './plan-profile';

const HOUR = 3_600_000;
const now = new Date('2026-03-10T18:00:00Z');
const departsAt = new Date('2026-03-11T07:00:00Z');
// 18:00…06:00 UTC: dear in the evening, cheapest at 02:00–04:00.
const hourly = [30, 28, 25, 20, 15, 12, 10, 8, 5, 4, 9, 14, 22].map(String);

function sources(prices: string[], { fallback = '0.40', stepMs = HOUR } = {}): PriceSources {
  return {
    timeZone: 'UTC',
    layers: [[{ validFrom: new Date(0), kind: 'dayAhead', pricePerKwh: fallback, currency: 'EUR' }]],
    dayAheadHours: new Map(prices.map((price, i) => [now.getTime() + i * stepMs, (Number(price) / 100).toFixed(2)])),
  };
}

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  now,
  departsAt,
  targetWh: 20_000,
  maxPowerW: 11_000,
  spans: priceTimeline(sources(hourly), now, departsAt),
  windows: [],
  windowsTimeZone: 'UTC',
  timeZone: 'UTC',
  ...overrides,
});

// The stretches the plan charges in, as UTC clock times; touching bars joined.
function chargingHours(plan: ReturnType<typeof planCheapestCharging>) {
  const stretches: [string, string][] = [];
  for (const bar of planBars(plan).filter((each) => each.isCharging)) {
    const last = stretches.at(-1);
    if (last && last[1] === bar.startsAt) last[1] = bar.endsAt;
    else stretches.push([bar.startsAt, bar.endsAt]);
  }
  return stretches.map(([from, to]) => [from.slice(11, 16), to.slice(11, 16)]);
}

describe('planning the cheapest hours before departure', () => {
  it('charges in the cheapest hours only, and costs only the energy asked for', () => {
    const plan = planCheapestCharging(input());
    // 20 kWh at 11 kW: two hours, the two cheapest (02:00 at 0.05, 03:00 at 0.04).
    expect(chargingHours(plan)).toEqual([['02:00', '04:00']]);
    expect(plan.isShort).toBe(false);
    expect(plan.plannedWh).toBe(20_000);
    // The cheapest hour whole (11 kWh at 0.04), the rest in the next (9 kWh at 0.05).
    expect(plan.cost).toBeCloseTo(11 * 0.04 + 9 * 0.05, 6);
    expect(plan.currency).toBe('EUR');
  });

  it('charges at full power from now and says so when there is not enough time', () => {
    const plan = planCheapestCharging(input({ departsAt: new Date(now.getTime() + 2 * HOUR), targetWh: 30_000 }));
    expect(plan.isShort).toBe(true);
    expect(plan.plannedWh).toBe(22_000);
    expect(chargingHours(plan)).toEqual([['18:00', '20:00']]);
  });

  it('keeps to the charger’s windows: a cheap hour outside them is not used', () => {
    // Open 22:00–02:00 only: the 02:00–04:00 hours are closed, so the cheapest open ones are 00:00–02:00.
    const plan = planCheapestCharging(input({ windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', to: '02:00' }] }));
    expect(chargingHours(plan)).toEqual([['00:00', '02:00']]);
  });

  it('counts the charger’s maximum power: a lower one needs more hours', () => {
    const plan = planCheapestCharging(input({ maxPowerW: 7_000 }));
    // 20 kWh at 7 kW: three hours, the three cheapest (02:00, 03:00 and 01:00).
    expect(chargingHours(plan)).toEqual([['01:00', '04:00']]);
  });

  it('plans at quarter-hour prices when the market trades them', () => {
    const quarters = ['9', '1', '9', '2', '9', '9', '9', '9'];
    const quarterSpans = quarters.map((price, i) => ({
      startsAt: new Date(now.getTime() + i * 15 * 60_000),
      endsAt: new Date(now.getTime() + (i + 1) * 15 * 60_000),
      price: { pricePerKwh: (Number(price) / 100).toFixed(2), currency: 'EUR', basis: 'dayAhead' as const },
    }));
    const plan = planCheapestCharging(input({ departsAt: new Date(now.getTime() + 2 * HOUR), spans: quarterSpans, targetWh: 5_000 }));
    expect(chargingHours(plan)).toEqual([
      ['18:15', '18:30'],
      ['18:45', '19:00'],
    ]);
    expect(plan.cost).toBeCloseTo(2.75 * 0.01 + 2.25 * 0.02, 6);
  });

  it('prices an hour beyond the imported day at the day-ahead price’s fallback, so imported cheap hours win', () => {
    // Only the first three hours imported (all dear); later hours cost the fallback 0.40, dearer still.
    const plan = planCheapestCharging(input({ spans: priceTimeline(sources(['30', '28', '25']), now, departsAt) }));
    expect(chargingHours(plan)).toEqual([['19:00', '21:00']]);
    expect(plan.slots.at(-1)!.pricePerKwh).toBe('0.40');
  });

  it('plans an unpriced stretch last and leaves it out of the cost', () => {
    const spans = [
      { startsAt: now, endsAt: new Date(now.getTime() + HOUR), price: { pricePerKwh: '0.20', currency: 'EUR', basis: 'fixed' as const } },
      { startsAt: new Date(now.getTime() + HOUR), endsAt: new Date(now.getTime() + 3 * HOUR), price: null },
    ];
    const plan = planCheapestCharging(input({ departsAt: new Date(now.getTime() + 3 * HOUR), spans, targetWh: 15_000 }));
    expect(chargingHours(plan)).toEqual([['18:00', '19:30']]);
    expect(plan.hasUnpricedSlots).toBe(true);
    expect(plan.cost).toBeCloseTo(11 * 0.2, 6);
  });
});

describe('the plan as a TxProfile', () => {
  it('is an absolute schedule from now to departure at 0 and at the maximum', () => {
    const plan = planCheapestCharging(input());
    const profile = readyByProfile({ plan, connectorId: 1, transactionId: 42, limits: null, electrical: { voltage: 230, phases: 3 } });
    expect(profile).toMatchObject({ transactionId: 42, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute' });
    expect(profile.chargingSchedule.startSchedule).toBe(now.toISOString());
    expect(profile.chargingSchedule.duration).toBe(13 * 3600);
    expect(profile.chargingSchedule.chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 0 },
      { startPeriod: 8 * 3600, limit: 11_000 },
      { startPeriod: 10 * 3600, limit: 0 },
    ]);
  });

  it('has no transaction id when it rides on a remote start, and is in amperes for a charger that takes only current', () => {
    const plan = planCheapestCharging(input());
    const profile = readyByProfile({ plan, connectorId: 2, transactionId: null, limits: { isSupported: true, maxStackLevel: 3, allowedRateUnits: 'Current', maxProfilesInstalled: 5 }, electrical: { voltage: 230, phases: 1 } });
    expect(profile).not.toHaveProperty('transactionId');
    expect(profile.chargingSchedule.chargingSchedulePeriod[1]).toEqual({ startPeriod: 8 * 3600, limit: 47.8, numberPhases: 1 });
  });
});

describe('the departure time', () => {
  it('is today’s when still ahead and tomorrow’s once passed, in the account’s zone', () => {
    expect(nextLocalTime(new Date('2026-03-10T18:00:00Z'), '07:00', 'Europe/Vilnius').toISOString()).toBe('2026-03-11T05:00:00.000Z');
    expect(nextLocalTime(new Date('2026-03-10T03:00:00Z'), '07:00', 'Europe/Vilnius').toISOString()).toBe('2026-03-10T05:00:00.000Z');
  });
});
