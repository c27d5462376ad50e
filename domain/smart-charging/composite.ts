import { fromWatts, type ChargingRateUnit, type ChargingSchedulePeriod, type Electrical, type InstalledProfile } from './profile';
import { profileBoundaries, profileLimitAt, type SessionContext } from './profile-limit';

export type CompositeContext = SessionContext & {
  connectorId: number;
  // The session on this connector: TxProfiles apply only to it (OCPP 1.6 §3.13.3).
  transactionId: number | null;
  electrical: Electrical;
  // What the charger delivers with no profile in effect.
  hardwareMaxW: number;
};

// The highest stack level in effect wins; between a connector's own profile and the charger-wide one at the same
// level, the connector's own.
function winningLimit(candidates: InstalledProfile[], at: number, context: CompositeContext): number | null {
  const ranked = [...candidates].sort((a, b) => b.profile.stackLevel - a.profile.stackLevel || b.connectorId - a.connectorId);
  for (const { profile } of ranked) {
    const limit = profileLimitAt(profile, at, context, context.electrical);
    if (limit !== null) return limit;
  }
  return null;
}

function profilesOf(stack: InstalledProfile[], purpose: InstalledProfile['profile']['chargingProfilePurpose'], context: CompositeContext) {
  return stack.filter(({ connectorId, profile }) => {
    if (profile.chargingProfilePurpose !== purpose) return false;
    if (purpose === 'ChargePointMaxProfile') return connectorId === 0;
    if (connectorId !== 0 && connectorId !== context.connectorId) return false;
    if (purpose === 'TxDefaultProfile') return true;
    return context.transactionId !== null && (profile.transactionId === undefined || profile.transactionId === context.transactionId);
  });
}

// The connector's limit in watts at `at` (OCPP 1.6 §3.13.2): a TxProfile overrides the TxDefaultProfile, and a
// ChargePointMaxProfile caps the result. With none in effect, what the hardware gives.
export function compositeLimitAt(stack: InstalledProfile[], at: number, context: CompositeContext): number {
  const charger = winningLimit(profilesOf(stack, 'ChargePointMaxProfile', context), at, context);
  const session = winningLimit(profilesOf(stack, 'TxProfile', context), at, context) ?? winningLimit(profilesOf(stack, 'TxDefaultProfile', context), at, context);
  return Math.max(0, Math.min(context.hardwareMaxW, charger ?? Infinity, session ?? Infinity));
}

export type CompositeSchedule = { startSchedule: string; duration: number; chargingRateUnit: ChargingRateUnit; chargingSchedulePeriod: ChargingSchedulePeriod[] };

const rounded = (value: number) => Math.round(value * 10) / 10;

// The composite schedule a GetCompositeSchedule asks for: from `start` for `durationSec`, one period per change.
export function compositeSchedule(
  stack: InstalledProfile[],
  { start, durationSec, unit }: { start: Date; durationSec: number; unit: ChargingRateUnit },
  context: CompositeContext,
): CompositeSchedule {
  const from = start.getTime();
  const to = from + durationSec * 1000;
  const boundaries = new Set([from, ...stack.flatMap(({ profile }) => profileBoundaries(profile, from, to, context))]);
  const periods: ChargingSchedulePeriod[] = [];
  for (const at of [...boundaries].sort((a, b) => a - b)) {
    const limit = rounded(fromWatts(compositeLimitAt(stack, at, context), unit, context.electrical));
    if (periods.at(-1)?.limit === limit) continue;
    periods.push({ startPeriod: Math.floor((at - from) / 1000), limit, ...(unit === 'A' ? { numberPhases: context.electrical.phases } : {}) });
  }
  return { startSchedule: start.toISOString(), duration: durationSec, chargingRateUnit: unit, chargingSchedulePeriod: periods };
}

// The composite limit at `at` read back from a reported schedule, in watts.
export function scheduleLimitAt(schedule: CompositeSchedule, at: number, electrical: Electrical): number | null {
  if (at < Date.parse(schedule.startSchedule) || at >= Date.parse(schedule.startSchedule) + schedule.duration * 1000) return null;
  return reportedPeriods(schedule, electrical).filter((period) => period.at.getTime() <= at).at(-1)?.watts ?? null;
}

// A reported schedule's periods as instants and watts, for the page.
export function reportedPeriods(schedule: CompositeSchedule, electrical: Electrical): { at: Date; watts: number }[] {
  const start = Date.parse(schedule.startSchedule);
  return schedule.chargingSchedulePeriod.map((period) => ({
    at: new Date(start + period.startPeriod * 1000),
    watts: schedule.chargingRateUnit === 'W' ? period.limit : period.limit * electrical.voltage * (period.numberPhases ?? electrical.phases),
  }));
}
