import { toWatts, type ChargingProfile, type Electrical } from './profile';

const DAY_MS = 86_400_000;
const RECURRENCE_MS = { Daily: DAY_MS, Weekly: 7 * DAY_MS } as const;

// When the session began, for Relative profiles (OCPP 1.6 §7.9: their schedule starts with the transaction).
export type SessionContext = { sessionStartedAt: Date | null };

const parse = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

export function isValidAt(profile: ChargingProfile, at: number) {
  const from = parse(profile.validFrom);
  const to = parse(profile.validTo);
  return (from === null || at >= from) && (to === null || at < to);
}

// The start of the schedule's current run at `at`: a Recurring one restarts every day or week from startSchedule.
export function scheduleStartAt(profile: ChargingProfile, at: number, { sessionStartedAt }: SessionContext): number | null {
  const { chargingProfileKind: kind, chargingSchedule: schedule } = profile;
  if (kind === 'Relative') return sessionStartedAt ? sessionStartedAt.getTime() : null;
  const start = parse(schedule.startSchedule) ?? parse(profile.validFrom);
  if (start === null) return null;
  if (kind === 'Absolute') return start;
  const everyMs = RECURRENCE_MS[profile.recurrencyKind ?? 'Daily'];
  return start + Math.floor((at - start) / everyMs) * everyMs;
}

// The profile's limit in watts at `at`, or null when it sets none then (not valid, not started, past its duration).
export function profileLimitAt(profile: ChargingProfile, at: number, session: SessionContext, electrical: Electrical): number | null {
  if (!isValidAt(profile, at)) return null;
  const start = scheduleStartAt(profile, at, session);
  if (start === null || at < start) return null;
  const offsetSec = (at - start) / 1000;
  const { duration, chargingSchedulePeriod: periods, chargingRateUnit } = profile.chargingSchedule;
  if (duration !== undefined && offsetSec >= duration) return null;
  let current = null;
  for (const period of periods) if (period.startPeriod <= offsetSec && (!current || period.startPeriod >= current.startPeriod)) current = period;
  return current ? toWatts(current.limit, chargingRateUnit, electrical, current.numberPhases) : null;
}

// Instants in [from, to) where the profile's limit may change: its validity bounds, each run's start, period starts and end.
export function profileBoundaries(profile: ChargingProfile, from: number, to: number, session: SessionContext): number[] {
  const points = [parse(profile.validFrom), parse(profile.validTo)].filter((point): point is number => point !== null);
  const { duration, chargingSchedulePeriod: periods } = profile.chargingSchedule;
  const offsetsMs = [...periods.map((period) => period.startPeriod * 1000), ...(duration === undefined ? [] : [duration * 1000])];
  const isRecurring = profile.chargingProfileKind === 'Recurring';
  const everyMs = isRecurring ? RECURRENCE_MS[profile.recurrencyKind ?? 'Daily'] : Infinity;
  let runStart = scheduleStartAt(profile, from, session);
  while (runStart !== null && runStart < to) {
    points.push(runStart, ...offsetsMs.map((offset) => runStart! + offset));
    if (!isRecurring) break;
    runStart += everyMs;
  }
  return points.filter((point) => point > from && point < to);
}
