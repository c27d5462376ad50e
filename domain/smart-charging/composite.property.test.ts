import { describe, expect, it } from 'vitest';
import { compositeLimitAt, compositeSchedule, scheduleLimitAt, type CompositeContext } from './composite';
import { profileLimitAt } from './profile-limit';
import type { ChargingProfile, ChargingProfilePurpose, InstalledProfile } from './profile';

// A small seeded generator, so that a failing case can be replayed from its seed.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const T0 = Date.parse('2026-12-07T00:00:00Z');
const PURPOSES: ChargingProfilePurpose[] = ['ChargePointMaxProfile', 'TxDefaultProfile', 'TxProfile'];

function randomProfile(next: () => number, id: number): InstalledProfile {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const purpose = pick(PURPOSES);
  const kind = pick(['Absolute', 'Recurring', 'Relative'] as const);
  const unit = pick(['A', 'W'] as const);
  const count = 1 + Math.floor(next() * 4);
  const starts = [0, ...Array.from({ length: count - 1 }, () => Math.floor(next() * 86_400))].sort((a, b) => a - b);
  const periods = starts.map((startPeriod) => ({ startPeriod, limit: unit === 'A' ? Math.floor(next() * 33) : Math.floor(next() * 23_000) }));
  const profile: ChargingProfile = {
    chargingProfileId: id,
    stackLevel: Math.floor(next() * 4),
    chargingProfilePurpose: purpose,
    chargingProfileKind: kind,
    ...(kind === 'Recurring' ? { recurrencyKind: pick(['Daily', 'Weekly'] as const) } : {}),
    ...(next() < 0.3 ? { validFrom: new Date(T0 + next() * 2 * 86_400_000).toISOString() } : {}),
    ...(next() < 0.3 ? { validTo: new Date(T0 + 86_400_000 + next() * 3 * 86_400_000).toISOString() } : {}),
    chargingSchedule: {
      ...(kind === 'Relative' ? {} : { startSchedule: new Date(T0 - next() * 86_400_000).toISOString() }),
      ...(next() < 0.5 ? { duration: 3600 + Math.floor(next() * 86_400) } : {}),
      chargingRateUnit: unit,
      chargingSchedulePeriod: periods,
    },
  };
  return { connectorId: purpose === 'ChargePointMaxProfile' ? 0 : pick([0, 1]), profile };
}

describe('composite schedule, over random stacks of profiles', () => {
  it('never exceeds an active ChargePointMaxProfile of the winning level, and its periods agree with the instant limit', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const stack = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, index) => randomProfile(next, index + 1));
      const context: CompositeContext = {
        connectorId: 1,
        transactionId: next() < 0.5 ? 7 : null,
        sessionStartedAt: next() < 0.5 ? new Date(T0 + next() * 86_400_000) : null,
        electrical: { voltage: 230, phases: 3 },
        hardwareMaxW: 22_080,
      };
      const start = new Date(T0 + Math.floor(next() * 86_400) * 1000);
      const schedule = compositeSchedule(stack, { start, durationSec: 2 * 86_400, unit: 'W' }, context);
      for (let sample = 0; sample < 40; sample++) {
        const at = start.getTime() + Math.floor(next() * 2 * 86_400) * 1000;
        const limit = compositeLimitAt(stack, at, context);
        expect(limit, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        expect(limit, `seed ${seed}`).toBeLessThanOrEqual(context.hardwareMaxW);
        expect(scheduleLimitAt(schedule, at, context.electrical), `seed ${seed} at ${new Date(at).toISOString()}`).toBeCloseTo(limit, 0);
        const maxProfiles = stack.filter(({ profile }) => profile.chargingProfilePurpose === 'ChargePointMaxProfile');
        const active = maxProfiles
          .map(({ profile }) => ({ level: profile.stackLevel, watts: profileLimitAt(profile, at, context, context.electrical) }))
          .filter((entry) => entry.watts !== null)
          .sort((a, b) => b.level - a.level);
        if (active[0]) expect(limit, `seed ${seed}`).toBeLessThanOrEqual(active[0].watts! + 1e-9);
      }
    }
  });
});
