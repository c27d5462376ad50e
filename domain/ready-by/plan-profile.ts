import type { SmartChargingLimits } from '../smart-charging/charger-limits';
import { phasesOf, preferredUnit } from '../smart-charging/owner-profiles';
import { fromWatts, type ChargingProfile, type ChargingSchedulePeriod, type Electrical } from '../smart-charging/profile';
import type { ChargingPlan } from './plan';

// One id per connector, apart from the owner's (1001, 1002) and the circuit's (2000 + connector), so that a new plan
// replaces the last one on its connector and "charge now" clears it alone (OCPP 1.6 §5.5, §5.16).
const READY_BY_PROFILE_BASE_ID = 3000;
export const readyByProfileId = (connectorId: number) => READY_BY_PROFILE_BASE_ID + connectorId;
// Below the circuit's stack level: a charger behind a fuse is refused a plan rather than given one that outranks it.
const READY_BY_STACK_LEVEL = 0;

type ProfileTarget = { plan: ChargingPlan; connectorId: number; transactionId: number | null; limits: SmartChargingLimits | null; electrical: Electrical };

// The plan as an absolute TxProfile from its start to departure: the charger's maximum in the chosen slots, 0 in the
// others. After departure no TxProfile is in effect and the session charges as it would without a plan. Without a
// transaction id it is the profile a RemoteStartTransaction carries (OCPP 1.6 §5.11).
export function readyByProfile({ plan, connectorId, transactionId, limits, electrical }: ProfileTarget): ChargingProfile {
  const unit = preferredUnit(limits?.allowedRateUnits ?? null);
  const phases = phasesOf(unit, electrical);
  const start = Date.parse(plan.startsAt);
  const max = Math.floor(fromWatts(plan.maxPowerW, unit, electrical) * 10) / 10;
  const periods: ChargingSchedulePeriod[] = [];
  for (const slot of plan.slots) {
    const limit = slot.isCharging ? max : 0;
    if (periods.at(-1)?.limit === limit) continue;
    periods.push({ startPeriod: Math.round((Date.parse(slot.startsAt) - start) / 1000), limit, ...phases });
  }
  if (periods.length === 0) periods.push({ startPeriod: 0, limit: max, ...phases });
  return {
    chargingProfileId: readyByProfileId(connectorId),
    ...(transactionId === null ? {} : { transactionId }),
    stackLevel: READY_BY_STACK_LEVEL,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: {
      startSchedule: plan.startsAt,
      duration: Math.max(1, Math.round((Date.parse(plan.departsAt) - start) / 1000)),
      chargingRateUnit: unit,
      chargingSchedulePeriod: periods,
    },
  };
}
