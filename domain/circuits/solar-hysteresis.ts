// Charging from solar surplus starts and stops with a delay each way, so that a passing cloud (or a kettle) does not
// switch the cars on and off every few seconds: a car's contactor and the charger's relay are not made for that.
export const CIRCUIT_SOLAR_MODES = ['off', 'surplus', 'minimumPlusSurplus'] as const;
export type SolarMode = (typeof CIRCUIT_SOLAR_MODES)[number];

// The surplus must hold the minimum for a minute before charging starts (a sunny spell, not a gap in the clouds),
// and stay below it for five minutes before charging stops (meanwhile the cars keep the minimum, partly from the grid).
export const SOLAR_START_AFTER_MS = 60_000;
export const SOLAR_STOP_AFTER_MS = 5 * 60_000;

export type SolarState = { isCharging: boolean; crossedAt: Date | null };
export const SOLAR_IDLE: SolarState = { isCharging: false, crossedAt: null };

// `hasEnough`: the surplus now gives at least the minimum. The state flips only once the surplus has stayed on the
// other side for the whole delay; going back in between resets the clock.
export function nextSolarState(state: SolarState, { hasEnough, now }: { hasEnough: boolean; now: Date }): SolarState {
  if (hasEnough === state.isCharging) return { isCharging: state.isCharging, crossedAt: null };
  const crossedAt = state.crossedAt ?? now;
  const delay = state.isCharging ? SOLAR_STOP_AFTER_MS : SOLAR_START_AFTER_MS;
  if (now.getTime() - crossedAt.getTime() >= delay) return { isCharging: !state.isCharging, crossedAt: null };
  return { isCharging: state.isCharging, crossedAt };
}
