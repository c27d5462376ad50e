import { describe, expect, it } from 'vitest';
import { applyPowerSettings, type CallOutcome, type SendProfileCall } from './apply-power-settings';
import { reportedPeriods } from './composite';
import { DEFAULT_ELECTRICAL } from './profile';

const settings = { maxPowerW: 7_000, windows: [], timeZone: 'Europe/Vilnius', electrical: DEFAULT_ELECTRICAL };
const limits = { isSupported: true, maxStackLevel: 8, allowedRateUnits: 'Power', maxProfilesInstalled: 10 };
const now = new Date('2026-12-02T09:00:00Z');

// A charger that takes every profile and reports the composite schedule it is given.
function chargerReporting(report: Record<string, unknown>): SendProfileCall {
  return async (action) => {
    const answer: CallOutcome = { status: 'accepted', response: action === 'GetCompositeSchedule' ? { status: 'Accepted', connectorId: 1, ...report } : { status: 'Accepted' }, error: null };
    return answer;
  };
}

describe('the schedule a charger reports after the power settings', () => {
  // Times the 1.6 schema validation admits and Date.parse cannot read: the page showed "Invalid Date".
  it('keeps a start written with an hours-only offset or a leap second as the instant it names', async () => {
    const schedule = (startSchedule: string) => ({ startSchedule, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7_000 }] });
    const hoursOnly = await applyPowerSettings(chargerReporting({ chargingSchedule: schedule('2026-12-02T11:00:00+02') }), { settings, limits, now });
    expect(hoursOnly.schedule?.startSchedule).toBe('2026-12-02T09:00:00.000Z');
    const leap = await applyPowerSettings(chargerReporting({ scheduleStart: '2026-12-31T23:59:60Z', chargingSchedule: { ...schedule(''), startSchedule: undefined } }), { settings, limits, now });
    expect(leap.schedule?.startSchedule).toBe('2027-01-01T00:00:00.000Z');
    for (const { at } of reportedPeriods(hoursOnly.schedule!, DEFAULT_ELECTRICAL)) expect(Number.isNaN(at.getTime())).toBe(false);
  });

  it('leaves out periods past the reported duration, whose instants a page cannot show', async () => {
    const chargingSchedule = { startSchedule: '2026-12-02T09:00:00Z', duration: 3600, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7_000 }, { startPeriod: 1e13, limit: 0 }] };
    const { schedule } = await applyPowerSettings(chargerReporting({ chargingSchedule }), { settings, limits, now });
    expect(schedule?.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 7_000 }]);
  });
});
