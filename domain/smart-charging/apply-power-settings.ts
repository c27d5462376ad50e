import { readChargerTime } from '../charging/charger-time';
import type { CommandPayloads } from '../commands/actions';
import type { SmartChargingLimits } from './charger-limits';
import type { CompositeSchedule } from './composite';
import { maxPowerProfile, OWNER_MAX_PROFILE_ID, OWNER_WINDOWS_PROFILE_ID, preferredUnit, windowsProfile, type PowerSettings } from './owner-profiles';

type ProfileAction = 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule';
// The command bus's word for how a call ended (`accepted`, `rejected`, `failed`, `timeout`, `offline`…), the
// charger's answer, and its error (a refused status, or a CALLERROR's `Code: message`).
export type CallOutcome = { status: string; response: Record<string, unknown> | null; error: string | null };
export type SendProfileCall = <A extends ProfileAction>(action: A, payload: CommandPayloads[A]) => Promise<CallOutcome>;

export const POWER_OUTCOMES = ['accepted', 'rejected', 'notSupported', 'noAnswer'] as const;
export type PowerOutcome = (typeof POWER_OUTCOMES)[number];

// How long ahead the platform asks the charger for its composite schedule: a day shows every window once.
export const REPORTED_SCHEDULE_SEC = 86_400;
// The connector whose schedule the charger page shows; a TxDefaultProfile on connector 0 applies to each alike.
export const REPORTED_CONNECTOR = 1;

function outcomeOf(call: CallOutcome): PowerOutcome {
  if (call.status === 'accepted') return 'accepted';
  if (call.error === 'NotSupported' || /^(NotImplemented|NotSupported):/.test(call.error ?? '')) return 'notSupported';
  if (call.status === 'rejected' || call.status === 'failed') return 'rejected';
  return 'noAnswer';
}

const WORST_FIRST: PowerOutcome[] = ['notSupported', 'rejected', 'noAnswer', 'accepted'];
const worst = (outcomes: PowerOutcome[]) => WORST_FIRST.find((outcome) => outcomes.includes(outcome)) ?? 'accepted';

// ClearChargingProfile answers Unknown when nothing matched (1.6 §7.10): the profile is gone either way.
const cleared = (call: CallOutcome): PowerOutcome => (call.status === 'rejected' && call.error === 'Unknown' ? 'accepted' : outcomeOf(call));

// Sends the owner's maximum (or clears it) and windows (or clears them), then reads back the charger's composite
// schedule. A charger that does not list SmartCharging is not sent anything.
export async function applyPowerSettings(
  send: SendProfileCall,
  { settings, limits, now }: { settings: PowerSettings; limits: SmartChargingLimits | null; now: Date },
): Promise<{ outcome: PowerOutcome; schedule: CompositeSchedule | null }> {
  if (limits && !limits.isSupported) return { outcome: 'notSupported', schedule: null };
  const unit = preferredUnit(limits?.allowedRateUnits ?? null);
  const { electrical } = settings;
  const outcomes: PowerOutcome[] = [];
  if (settings.maxPowerW !== null) outcomes.push(outcomeOf(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: maxPowerProfile(settings.maxPowerW, unit, electrical) })));
  else outcomes.push(cleared(await send('ClearChargingProfile', { id: OWNER_MAX_PROFILE_ID })));
  if (outcomes[0] === 'noAnswer' || outcomes[0] === 'notSupported') return { outcome: outcomes[0], schedule: null };
  if (settings.windows.length > 0) outcomes.push(outcomeOf(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: windowsProfile(settings, unit, electrical, now) })));
  else outcomes.push(cleared(await send('ClearChargingProfile', { id: OWNER_WINDOWS_PROFILE_ID })));
  const report = await send('GetCompositeSchedule', { connectorId: REPORTED_CONNECTOR, duration: REPORTED_SCHEDULE_SEC, chargingRateUnit: unit });
  return { outcome: worst(outcomes), schedule: report.status === 'accepted' ? reportedSchedule(report.response, now) : null };
}

// The charger's answer as the page reads it: its start as an ISO instant (the schema admits times Date.parse cannot
// read), and only the periods within its duration.
function reportedSchedule(response: Record<string, unknown> | null, now: Date): CompositeSchedule | null {
  const schedule = response?.chargingSchedule as Partial<CompositeSchedule> | undefined;
  if (!schedule) return null;
  const start = readChargerTime(String(schedule.startSchedule ?? response?.scheduleStart ?? now.toISOString()));
  if (!start) return null;
  const duration = schedule.duration ?? REPORTED_SCHEDULE_SEC;
  const periods = (schedule.chargingSchedulePeriod ?? []).filter((period) => period.startPeriod < duration);
  return { ...(schedule as CompositeSchedule), startSchedule: start.toISOString(), duration, chargingSchedulePeriod: periods };
}
