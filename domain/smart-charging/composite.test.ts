import { describe, expect, it } from 'vitest';
import { compositeLimitAt, compositeSchedule, type CompositeContext } from './composite';
import type { ChargingProfile, InstalledProfile } from './profile';

const T0 = Date.parse('2026-12-07T00:00:00Z'); // a Monday
const HOUR = 3_600_000;
const context: CompositeContext = { connectorId: 1, transactionId: null, sessionStartedAt: null, electrical: { voltage: 230, phases: 3 }, hardwareMaxW: 22_080 };

function profile(overrides: Partial<ChargingProfile> & { limit?: number; unit?: 'A' | 'W' }): ChargingProfile {
  const { limit = 11_000, unit = 'W', ...rest } = overrides;
  return {
    chargingProfileId: 1,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: { startSchedule: new Date(T0).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
    ...rest,
  };
}
const on = (connectorId: number, installed: ChargingProfile): InstalledProfile => ({ connectorId, profile: installed });

describe('compositeLimitAt', () => {
  it('gives the hardware maximum with no profile installed', () => {
    expect(compositeLimitAt([], T0, context)).toBe(22_080);
  });

  it('caps the default profile with the charge point maximum', () => {
    const stack = [on(0, profile({ limit: 11_000 })), on(0, profile({ chargingProfileId: 2, chargingProfilePurpose: 'ChargePointMaxProfile', limit: 7_000 }))];
    expect(compositeLimitAt(stack, T0 + HOUR, context)).toBe(7_000);
  });

  it('lets a transaction profile override the default only during its transaction', () => {
    const stack = [on(0, profile({ limit: 3_000 })), on(1, profile({ chargingProfileId: 2, chargingProfilePurpose: 'TxProfile', transactionId: 42, limit: 9_000 }))];
    expect(compositeLimitAt(stack, T0 + HOUR, context)).toBe(3_000);
    expect(compositeLimitAt(stack, T0 + HOUR, { ...context, transactionId: 42 })).toBe(9_000);
    expect(compositeLimitAt(stack, T0 + HOUR, { ...context, transactionId: 43 })).toBe(3_000);
  });

  it('takes the highest stack level in effect, and a lower one once the higher has ended', () => {
    const high = profile({ chargingProfileId: 2, stackLevel: 5, limit: 2_000, chargingSchedule: { ...profile({}).chargingSchedule, duration: 3600, chargingSchedulePeriod: [{ startPeriod: 0, limit: 2_000 }] } });
    const stack = [on(0, profile({ limit: 6_000 })), on(0, high)];
    expect(compositeLimitAt(stack, T0 + 10_000, context)).toBe(2_000);
    expect(compositeLimitAt(stack, T0 + 2 * HOUR, context)).toBe(6_000);
  });

  it('prefers the connector’s own default profile over the charger-wide one at the same level', () => {
    const stack = [on(0, profile({ limit: 6_000 })), on(1, profile({ chargingProfileId: 2, limit: 4_000 }))];
    expect(compositeLimitAt(stack, T0, context)).toBe(4_000);
    expect(compositeLimitAt(stack, T0, { ...context, connectorId: 2 })).toBe(6_000);
  });

  it('ignores a profile outside validFrom and validTo', () => {
    const limited = profile({ limit: 1_000, validFrom: new Date(T0 + HOUR).toISOString(), validTo: new Date(T0 + 2 * HOUR).toISOString() });
    expect(compositeLimitAt([on(0, limited)], T0, context)).toBe(22_080);
    expect(compositeLimitAt([on(0, limited)], T0 + 1.5 * HOUR, context)).toBe(1_000);
    expect(compositeLimitAt([on(0, limited)], T0 + 2 * HOUR, context)).toBe(22_080);
  });

  it('repeats a daily recurring schedule every day', () => {
    const night = profile({
      chargingProfileKind: 'Recurring',
      recurrencyKind: 'Daily',
      chargingSchedule: { startSchedule: new Date(T0).toISOString(), duration: 86_400, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }, { startPeriod: 7 * 3600, limit: 0 }] },
    });
    expect(compositeLimitAt([on(0, night)], T0 + 3 * 86_400_000 + 2 * HOUR, context)).toBe(11_000);
    expect(compositeLimitAt([on(0, night)], T0 + 3 * 86_400_000 + 8 * HOUR, context)).toBe(0);
  });

  it('repeats a weekly recurring schedule every week, not every day', () => {
    const weekdays = profile({
      chargingProfileKind: 'Recurring',
      recurrencyKind: 'Weekly',
      chargingSchedule: { startSchedule: new Date(T0).toISOString(), chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 5_000 }, { startPeriod: 5 * 86_400, limit: 0 }] },
    });
    expect(compositeLimitAt([on(0, weekdays)], T0 + 14 * 86_400_000 + HOUR, context)).toBe(5_000);
    expect(compositeLimitAt([on(0, weekdays)], T0 + 19 * 86_400_000 + HOUR, context)).toBe(0);
  });

  it('starts a relative schedule with the session, and sets nothing without one', () => {
    const relative = profile({
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 2_000 }, { startPeriod: 1800, limit: 8_000 }] },
    });
    const sessionStartedAt = new Date(T0 + 5 * HOUR);
    expect(compositeLimitAt([on(0, relative)], T0 + 5 * HOUR + 60_000, { ...context, sessionStartedAt })).toBe(2_000);
    expect(compositeLimitAt([on(0, relative)], T0 + 6 * HOUR, { ...context, sessionStartedAt })).toBe(8_000);
    expect(compositeLimitAt([on(0, relative)], T0 + 6 * HOUR, context)).toBe(22_080);
  });

  it('turns amperes into watts with the period’s phases, three when it names none', () => {
    const amps = profile({ unit: 'A', limit: 16 });
    expect(compositeLimitAt([on(0, amps)], T0, context)).toBe(16 * 230 * 3);
    const onePhase = profile({ unit: 'A', chargingSchedule: { startSchedule: new Date(T0).toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 1 }] } });
    expect(compositeLimitAt([on(0, onePhase)], T0, context)).toBe(16 * 230);
  });
});

describe('compositeSchedule', () => {
  it('lists one period per change of the composite limit', () => {
    const max = profile({ chargingProfileId: 9, chargingProfilePurpose: 'ChargePointMaxProfile', limit: 7_000 });
    const night = profile({
      chargingProfileKind: 'Recurring',
      recurrencyKind: 'Daily',
      chargingSchedule: { startSchedule: new Date(T0).toISOString(), chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }, { startPeriod: 7 * 3600, limit: 0 }] },
    });
    const schedule = compositeSchedule([on(0, max), on(0, night)], { start: new Date(T0 + 6 * HOUR), durationSec: 86_400, unit: 'W' }, context);
    expect(schedule.chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 7_000 },
      { startPeriod: 3600, limit: 0 },
      { startPeriod: 18 * 3600, limit: 7_000 },
    ]);
  });

  it('answers in amperes for the charger’s phases when asked', () => {
    const schedule = compositeSchedule([on(0, profile({ limit: 6_900 }))], { start: new Date(T0), durationSec: 600, unit: 'A' }, context);
    expect(schedule.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10, numberPhases: 3 }]);
  });
});
