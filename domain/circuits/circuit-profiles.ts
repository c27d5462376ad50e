import type { SmartChargingLimits } from '../smart-charging/charger-limits';
import { windowsProfile, type PowerSettings } from '../smart-charging/owner-profiles';
import { DEFAULT_PHASES, type ChargingProfile, type ChargingRateUnit, type Electrical } from '../smart-charging/profile';

// Profile ids the circuit keeps apart from the owner's (1001, 1002): its TxDefaultProfile, and one TxProfile id per
// connector (one id for two connectors would replace the first's profile with the second's, OCPP 1.6 §5.16).
export const CIRCUIT_DEFAULT_PROFILE_ID = 2000;
export const circuitTxProfileId = (connectorId: number) => CIRCUIT_DEFAULT_PROFILE_ID + connectorId;

// Above the owner's own profiles (stack level 0), so that the circuit's TxDefaultProfile wins over the owner's
// windows, which it repeats; a charger reporting a lower ChargeProfileMaxStackLevel gets the highest it takes.
const CIRCUIT_STACK_LEVEL = 1;
export const circuitStackLevel = (limits: SmartChargingLimits | null) => Math.min(CIRCUIT_STACK_LEVEL, limits?.maxStackLevel ?? CIRCUIT_STACK_LEVEL);

// A fuse is in amperes: a charger that takes current is sent current, one that takes only power its equivalent.
export function circuitUnit(limits: SmartChargingLimits | null): ChargingRateUnit {
  const allowed = limits?.allowedRateUnits;
  if (!allowed) return 'A';
  return allowed.split(',').some((unit) => unit.trim() === 'Current') ? 'A' : 'W';
}

const limitIn = (currentA: number, unit: ChargingRateUnit, { voltage, phases }: Electrical) =>
  unit === 'A' ? currentA : Math.floor(currentA * voltage * phases);
const phasesOf = (unit: ChargingRateUnit, { phases }: Electrical) => (unit === 'A' && phases !== DEFAULT_PHASES ? { numberPhases: phases } : {});

type Target = { limits: SmartChargingLimits | null; electrical: Electrical };

// The session's share, for as long as its transaction runs (a Relative schedule starts with it).
export function circuitTxProfile({ transactionId, connectorId, currentA, limits, electrical }: Target & { transactionId: number; connectorId: number; currentA: number }): ChargingProfile {
  const unit = circuitUnit(limits);
  return {
    chargingProfileId: circuitTxProfileId(connectorId),
    transactionId,
    stackLevel: circuitStackLevel(limits),
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Relative',
    chargingSchedule: { chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(currentA, unit, electrical), ...phasesOf(unit, electrical) }] },
  };
}

// The static share every session on the charger falls back to when the platform cannot reach it; it repeats the
// owner's charging windows, which it outranks.
export function circuitDefaultProfile({ shareA, limits, electrical, owner, now }: Target & { shareA: number; owner: Omit<PowerSettings, 'electrical'> | null; now: Date }): ChargingProfile {
  const unit = circuitUnit(limits);
  const identity = { chargingProfileId: CIRCUIT_DEFAULT_PROFILE_ID, stackLevel: circuitStackLevel(limits) };
  if (owner && owner.windows.length > 0) {
    const shareW = shareA * electrical.voltage * electrical.phases;
    return { ...windowsProfile({ ...owner, maxPowerW: Math.min(shareW, owner.maxPowerW ?? shareW) }, unit, electrical, now), ...identity };
  }
  return {
    ...identity,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: { startSchedule: new Date(0).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: limitIn(shareA, unit, electrical), ...phasesOf(unit, electrical) }] },
  };
}
