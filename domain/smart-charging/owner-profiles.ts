import { openSpans, weekStart, type ChargingWindow } from './charging-windows';
import { DEFAULT_PHASES, fromWatts, type ChargingProfile, type ChargingRateUnit, type Electrical, type ChargingSchedulePeriod } from './profile';

// Profile ids and stack levels the platform keeps for the owner's own settings, so that sending them again
// replaces them on the charger (OCPP 1.6 §5.16: same id, or same purpose and stack level, replaces).
export const OWNER_MAX_PROFILE_ID = 1001;
export const OWNER_WINDOWS_PROFILE_ID = 1002;
export const OWNER_STACK_LEVEL = 0;

// The most a 1.6 AC charger delivers (32 A on three phases at 230 V): the limit inside a window with no maximum set.
export const UNRESTRICTED_W = 22_080;

export type PowerSettings = { maxPowerW: number | null; windows: ChargingWindow[]; timeZone: string; electrical: Electrical };

const limitIn = (watts: number, unit: ChargingRateUnit, electrical: Electrical) => Math.round(fromWatts(watts, unit, electrical) * 10) / 10;

// A current limit names the phases it is for when they are not the three a period means by default.
export const phasesOf = (unit: ChargingRateUnit, { phases }: Electrical) => (unit === 'A' && phases !== DEFAULT_PHASES ? { numberPhases: phases } : {});

export function maxPowerProfile(maxPowerW: number, unit: ChargingRateUnit, electrical: Electrical): ChargingProfile {
  return {
    chargingProfileId: OWNER_MAX_PROFILE_ID,
    stackLevel: OWNER_STACK_LEVEL,
    chargingProfilePurpose: 'ChargePointMaxProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: { startSchedule: new Date(0).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(maxPowerW, unit, electrical), ...phasesOf(unit, electrical) }] },
  };
}

// A weekly recurring default profile from the week's Monday 00:00 in the owner's time zone: 0 outside the windows.
export function windowsProfile(settings: Omit<PowerSettings, 'electrical'>, unit: ChargingRateUnit, electrical: Electrical, now: Date): ChargingProfile {
  const open = limitIn(settings.maxPowerW ?? UNRESTRICTED_W, unit, electrical);
  const phases = phasesOf(unit, electrical);
  const periods: ChargingSchedulePeriod[] = [];
  let cursor = 0;
  for (const [start, end] of openSpans(settings.windows)) {
    if (start > cursor) periods.push({ startPeriod: cursor, limit: 0, ...phases });
    periods.push({ startPeriod: start, limit: open, ...phases });
    cursor = end;
  }
  if (cursor < 7 * 86_400) periods.push({ startPeriod: cursor, limit: 0, ...phases });
  return {
    chargingProfileId: OWNER_WINDOWS_PROFILE_ID,
    stackLevel: OWNER_STACK_LEVEL,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Recurring',
    recurrencyKind: 'Weekly',
    chargingSchedule: { startSchedule: weekStart(now, settings.timeZone).toISOString(), duration: 7 * 86_400, chargingRateUnit: unit, chargingSchedulePeriod: periods },
  };
}

// ChargingScheduleAllowedChargingRateUnit (OCPP 1.6 §9.4): "Current", "Power" or both; watts when the charger takes them.
export function preferredUnit(allowed: string | null): ChargingRateUnit {
  if (!allowed) return 'W';
  const units = allowed.split(',').map((unit) => unit.trim());
  return units.includes('Power') || !units.includes('Current') ? 'W' : 'A';
}
