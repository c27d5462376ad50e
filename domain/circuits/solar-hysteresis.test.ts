import { describe, expect, it } from 'vitest';
import { nextSolarState, SOLAR_IDLE, SOLAR_START_AFTER_MS, SOLAR_STOP_AFTER_MS, type SolarState } from './solar-hysteresis';

// A clock the test moves by hand: each step feeds the surplus seen at that second.
function run(steps: { atMs: number; hasEnough: boolean }[], from: SolarState = SOLAR_IDLE) {
  let state = from;
  return steps.map(({ atMs, hasEnough }) => (state = nextSolarState(state, { hasEnough, now: new Date(atMs) })).isCharging);
}

describe('solar hysteresis', () => {
  it('starts only once the surplus has held the minimum for the whole start delay', () => {
    expect(run([
      { atMs: 0, hasEnough: true },
      { atMs: SOLAR_START_AFTER_MS - 1, hasEnough: true },
      { atMs: SOLAR_START_AFTER_MS, hasEnough: true },
    ])).toEqual([false, false, true]);
  });

  it('starts the clock again when a cloud passes before the start delay is over', () => {
    expect(run([
      { atMs: 0, hasEnough: true },
      { atMs: 30_000, hasEnough: false },
      { atMs: 40_000, hasEnough: true },
      { atMs: SOLAR_START_AFTER_MS + 1_000, hasEnough: true },
      { atMs: 40_000 + SOLAR_START_AFTER_MS, hasEnough: true },
    ])).toEqual([false, false, false, false, true]);
  });

  it('keeps charging through a dip shorter than the stop delay, and stops after a longer one', () => {
    const charging = { isCharging: true, crossedAt: null };
    expect(run([
      { atMs: 0, hasEnough: false },
      { atMs: SOLAR_STOP_AFTER_MS - 1, hasEnough: true },
      { atMs: SOLAR_STOP_AFTER_MS, hasEnough: false },
      { atMs: 2 * SOLAR_STOP_AFTER_MS - 1, hasEnough: false },
      { atMs: 2 * SOLAR_STOP_AFTER_MS, hasEnough: false },
    ], charging)).toEqual([true, true, true, true, false]);
  });

  it('does not flap when the surplus swings around the minimum every few seconds', () => {
    const steps = Array.from({ length: 600 }, (_, index) => ({ atMs: index * 5_000, hasEnough: index % 3 !== 0 }));
    const states = run(steps);
    expect(states.every((state) => state === false)).toBe(true);
  });
});
