import { DEFAULT_VOLTAGE } from '../smart-charging/profile';
import { nextSolarState, SOLAR_IDLE, type SolarMode, type SolarState } from './solar-hysteresis';

// A feed with no reading measured for this long is silent: the house's load is unknown, so the circuit falls back to
// its static shares until readings come again (a meter posting every few seconds misses two minutes only when down).
export const FEED_SILENT_AFTER_MS = 2 * 60_000;
// The feed sends one total for the site; it is taken as spread evenly over three phases at the nominal 230 V (a
// single reading cannot say which phase the kettle is on), so the house's other load per phase is a third of it.
export const SITE_PHASES = 3;
export const SITE_VOLTAGE_V = DEFAULT_VOLTAGE;
const WATTS_PER_PHASE_AMP = SITE_PHASES * SITE_VOLTAGE_V;
const EPSILON = 1e-6;

export type FeedCircuit = { capacityA: number; minCurrentA: number; followsMeterFeed: boolean; solarMode: SolarMode };
export type GridReadingNow = { powerW: number; measuredAt: Date };

export type FeedBudget =
  // Not at the grid connection: the fuse is the budget.
  | { kind: 'fuse' }
  // No reading for FEED_SILENT_AFTER_MS (or none yet): each session keeps to the static share.
  | { kind: 'silent'; solar: SolarState }
  | { kind: 'live'; budgetA: number; otherLoadW: number; readingAt: Date; isImportAboveLimit: boolean; solar: SolarState };

// The other load an earlier plan worked out from the same reading. A reading tells the other load only against what
// the chargers drew when it was measured: a later plan (a session started, say) must not take its new limits off
// that old reading, or the other load would seem to shrink by what it just gave, and it would give more again.
export type KnownOtherLoad = { readingAt: Date; otherLoadW: number } | null;

export const isFeedLive = (reading: GridReadingNow | null, now: Date) => reading !== null && now.getTime() - reading.measuredAt.getTime() <= FEED_SILENT_AFTER_MS;

// Whole amperes, rounded down: readings wobble by tens of watts, and a limit sent again for a tenth of an ampere is
// traffic for nothing.
const wholeAmps = (amps: number) => Math.max(0, Math.floor(amps + EPSILON));

function solarBudgetA(circuit: FeedCircuit, { surplusA, solar, now, busiestPhaseSessions }: { surplusA: number; solar: SolarState; now: Date; busiestPhaseSessions: number }) {
  if (circuit.solarMode === 'minimumPlusSurplus') {
    // Every session keeps the minimum (from the grid if need be); what the sun gives beyond it is shared too.
    return { amps: Math.max(surplusA, circuit.minCurrentA * busiestPhaseSessions), solar: SOLAR_IDLE };
  }
  const next = nextSolarState(solar, { hasEnough: surplusA >= circuit.minCurrentA - EPSILON, now });
  // While charging, a dip keeps the minimum until the stop delay is over, so the car is not stopped by a cloud.
  return { amps: next.isCharging ? Math.max(surplusA, circuit.minCurrentA) : 0, solar: next };
}

// The circuit's charging budget per phase from the latest grid reading. Other load = grid import − what our
// chargers draw now; the chargers may use the fuse less that, never more than the fuse itself (a house exporting
// solar does not make the cable thicker). In solar mode they use only the surplus (= − other load).
export function feedBudget(
  circuit: FeedCircuit,
  input: { reading: GridReadingNow | null; known: KnownOtherLoad; ourDrawW: number; now: Date; solar: SolarState; busiestPhaseSessions: number },
): FeedBudget {
  const { reading, known, ourDrawW, now, solar, busiestPhaseSessions } = input;
  if (!circuit.followsMeterFeed) return { kind: 'fuse' };
  if (!reading || !isFeedLive(reading, now)) return { kind: 'silent', solar: SOLAR_IDLE };
  const isKnown = known !== null && known.readingAt.getTime() === reading.measuredAt.getTime();
  const otherLoadW = isKnown ? known.otherLoadW : Math.round(reading.powerW - ourDrawW);
  const otherA = otherLoadW / WATTS_PER_PHASE_AMP;
  const gridA = Math.min(circuit.capacityA, wholeAmps(circuit.capacityA - otherA));
  const live = { kind: 'live' as const, otherLoadW, readingAt: reading.measuredAt, isImportAboveLimit: reading.powerW / WATTS_PER_PHASE_AMP > circuit.capacityA + EPSILON };
  if (circuit.solarMode === 'off') return { ...live, budgetA: gridA, solar: SOLAR_IDLE };
  const fromSun = solarBudgetA(circuit, { surplusA: Math.max(0, -otherA), solar, now, busiestPhaseSessions });
  return { ...live, budgetA: Math.min(gridA, wholeAmps(fromSun.amps)), solar: fromSun.solar };
}
