import { describe, expect, it } from 'vitest';
import { isOpenAt, isWeekAnchorStale, openSpans, weekStart } from './charging-windows';
import { compositeLimitAt, type CompositeContext } from './composite';
import { maxPowerProfile, preferredUnit, UNRESTRICTED_W, windowsProfile } from './owner-profiles';

const electrical = { voltage: 230, phases: 3 };
const context: CompositeContext = { connectorId: 1, transactionId: null, sessionStartedAt: null, electrical, hardwareMaxW: UNRESTRICTED_W };
const weekdayNights = [{ days: [0, 1, 2, 3, 4], from: '23:00', to: '07:00' }];
const VILNIUS = 'Europe/Vilnius';

describe('charging windows', () => {
  it('finds Monday midnight of the week in the owner’s time zone', () => {
    // Sunday 23:30 UTC is already Monday 01:30 in Vilnius (UTC+2 in December).
    expect(weekStart(new Date('2026-12-06T23:30:00Z'), VILNIUS).toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(weekStart(new Date('2026-12-06T21:30:00Z'), VILNIUS).toISOString()).toBe('2026-11-29T22:00:00.000Z');
  });

  it('runs a window past midnight into the next day, and Friday night into Saturday', () => {
    expect(isOpenAt(weekdayNights, new Date('2026-12-08T22:30:00Z'), VILNIUS)).toBe(true); // Wed 00:30
    expect(isOpenAt(weekdayNights, new Date('2026-12-12T04:30:00Z'), VILNIUS)).toBe(true); // Sat 06:30
    expect(isOpenAt(weekdayNights, new Date('2026-12-12T10:00:00Z'), VILNIUS)).toBe(false); // Sat 12:00
    expect(isOpenAt(weekdayNights, new Date('2026-12-07T06:00:00Z'), VILNIUS)).toBe(false); // Mon 08:00
  });

  it('wraps a Sunday-night window to Monday morning and merges overlapping ones', () => {
    expect(openSpans([{ days: [6], from: '22:00', to: '02:00' }])).toEqual([[0, 7200], [6 * 86_400 + 22 * 3600, 7 * 86_400]]);
    expect(openSpans([{ days: [0], from: '01:00', to: '03:00' }, { days: [0], from: '02:00', to: '04:00' }])).toEqual([[3600, 4 * 3600]]);
  });
});

describe('windows sent before summer time', () => {
  const sentInWinter = new Date('2026-12-08T12:00:00Z');

  it('open an hour late once the clocks have gone forward, and are then due to be sent again', () => {
    const stack = [{ connectorId: 0, profile: windowsProfile({ maxPowerW: 7_000, windows: weekdayNights, timeZone: VILNIUS }, 'W', electrical, sentInWinter) }];
    // Tuesday 23:30 in Vilnius summer time (UTC+3): inside the window, yet the winter profile holds the charger at 0.
    expect(compositeLimitAt(stack, Date.parse('2027-04-06T20:30:00Z'), context)).toBe(0);
    expect(isWeekAnchorStale(sentInWinter, new Date('2027-04-06T20:30:00Z'), VILNIUS)).toBe(true);
  });

  it('are not due again within the same offset, however many weeks later', () => {
    expect(isWeekAnchorStale(sentInWinter, new Date('2027-02-20T10:00:00Z'), VILNIUS)).toBe(false);
    expect(isWeekAnchorStale(sentInWinter, new Date('2027-04-06T20:30:00Z'), 'UTC')).toBe(false);
  });
});

describe('owner profiles', () => {
  it('holds the charger at 0 outside the windows and at the maximum inside them', () => {
    const now = new Date('2026-12-08T12:00:00Z');
    const stack = [
      { connectorId: 0, profile: windowsProfile({ maxPowerW: null, windows: weekdayNights, timeZone: VILNIUS }, 'W', electrical, now) },
      { connectorId: 0, profile: maxPowerProfile(7_000, 'W', electrical) },
    ];
    expect(compositeLimitAt(stack, Date.parse('2026-12-08T22:30:00Z'), context)).toBe(7_000);
    expect(compositeLimitAt(stack, Date.parse('2026-12-09T12:00:00Z'), context)).toBe(0);
    // The next week, by recurrence alone.
    expect(compositeLimitAt(stack, Date.parse('2026-12-15T22:30:00Z'), context)).toBe(7_000);
    expect(compositeLimitAt(stack, Date.parse('2026-12-19T12:00:00Z'), context)).toBe(0);
  });

  it('states the maximum in amperes for a charger that takes only current', () => {
    expect(preferredUnit('Current')).toBe('A');
    expect(preferredUnit('Current,Power')).toBe('W');
    expect(maxPowerProfile(6_900, 'A', electrical).chargingSchedule.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10 }]);
  });
});
