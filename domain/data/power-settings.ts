import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { chargerPowerSettings, chargers, chargerSmartCharging } from '../../db/schema';
import type { ChargingWindow } from '../smart-charging/charging-windows';
import type { CompositeSchedule } from '../smart-charging/composite';
import type { SmartChargingLimits } from '../smart-charging/charger-limits';
import type { PowerOutcome } from '../smart-charging/apply-power-settings';
import { notifyCircuitChanged } from '../circuits/notify';
import { hasCharger } from './chargers';
import { forgetSentLimits, getCircuitOfCharger, lockCircuit } from './circuit-planning';
import { done, failure, type Result } from './result';
import { preparedQuery } from './prepared-query';

type ChargerScope = { accountId: string; chargerId: string };

const LIMIT_COLUMNS = {
  isSupported: chargerSmartCharging.isSupported,
  maxStackLevel: chargerSmartCharging.maxStackLevel,
  allowedRateUnits: chargerSmartCharging.allowedRateUnits,
  maxProfilesInstalled: chargerSmartCharging.maxProfilesInstalled,
};

export async function getSmartChargingLimits(db: Executor, chargerId: string): Promise<SmartChargingLimits | null> {
  const [row] = await db.select(LIMIT_COLUMNS).from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, chargerId));
  return row ?? null;
}

// Limits that differ from those kept (the first read, too) plan the charger's circuit again, its limits sent anew:
// a limit sent before they were known may have been in a unit, or at a stack level, the charger refused. Under the
// circuit's lock: a plan running now, from the limits before, keeps its marks first, then loses them.
export async function replanForChangedLimits(db: Database, { chargerId, circuitId }: { chargerId: string; circuitId: string }) {
  await db.transaction(async (tx) => {
    await lockCircuit(tx, circuitId);
    await forgetSentLimits(tx, chargerId);
    await notifyCircuitChanged(tx, { circuitId, reason: 'limitChanged', chargerId });
  });
}

// The owner's settings as the provisioner sends them; null when the owner never set any.
const powerSettingsToSend = preparedQuery((db) =>
  db
    .select({
      accountId: chargerPowerSettings.accountId,
      maxPowerW: chargerPowerSettings.maxPowerW,
      windows: chargerPowerSettings.windows,
      timeZone: chargerPowerSettings.timeZone,
      phases: chargerPowerSettings.phases,
      voltage: chargerPowerSettings.voltage,
      isOnline: chargers.isOnline,
    })
    .from(chargerPowerSettings)
    .innerJoin(chargers, eq(chargers.id, chargerPowerSettings.chargerId))
    .where(eq(chargerPowerSettings.chargerId, sql.placeholder('chargerId')))
    .prepare('power_settings_to_send'),
);

export async function getPowerSettingsToSend(db: Executor, chargerId: string) {
  const [row] = await powerSettingsToSend(db).execute({ chargerId });
  if (!row) return null;
  const { phases, voltage, ...settings } = row;
  return { ...settings, electrical: { phases, voltage } };
}

// Chargers whose settings with windows were sent, and when, for the check that they still open on time.
export async function listSentWindows(db: Executor) {
  return db
    .select({ chargerId: chargerPowerSettings.chargerId, timeZone: chargerPowerSettings.timeZone, sentAt: chargerPowerSettings.sentAt })
    .from(chargerPowerSettings)
    .where(and(isNotNull(chargerPowerSettings.sentAt), sql`${chargerPowerSettings.windows} <> '[]'::jsonb`));
}

// The settings, the charger's answer and its reported schedule, and what it says of Smart Charging, for the page.
export async function getPowerPanel(db: Executor, scope: ChargerScope) {
  const [settings] = await db
    .select({
      maxPowerW: chargerPowerSettings.maxPowerW,
      windows: chargerPowerSettings.windows,
      timeZone: chargerPowerSettings.timeZone,
      phases: chargerPowerSettings.phases,
      voltage: chargerPowerSettings.voltage,
      sendOutcome: chargerPowerSettings.sendOutcome,
      sentAt: chargerPowerSettings.sentAt,
      reportedSchedule: chargerPowerSettings.reportedSchedule,
    })
    .from(chargerPowerSettings)
    .where(and(eq(chargerPowerSettings.chargerId, scope.chargerId), eq(chargerPowerSettings.accountId, scope.accountId)));
  return { settings: settings ?? null, limits: await getSmartChargingLimits(db, scope.chargerId) };
}
export type PowerPanel = Awaited<ReturnType<typeof getPowerPanel>>;

export type PowerSettingsInput = { maxPowerW: number | null; windows: ChargingWindow[]; timeZone: string; phases: number; voltage: number; updatedBy: string };

// The caller has checked the user is an owner of accountId; a charger of another account reads as not found.
export async function savePowerSettings(db: Executor, scope: ChargerScope & PowerSettingsInput): Promise<Result<null, 'notFound'>> {
  const { accountId, chargerId, ...values } = scope;
  return db.transaction(async (tx) => {
    if (!(await hasCharger(tx, { accountId, chargerId }))) return failure('notFound');
    await tx
      .insert(chargerPowerSettings)
      .values({ chargerId, accountId, ...values })
      .onConflictDoUpdate({ target: chargerPowerSettings.chargerId, set: { ...values, updatedAt: new Date() } });
    // The charger's maximum and wiring are its circuit's inputs too.
    const circuitId = await getCircuitOfCharger(tx, chargerId);
    if (circuitId) await notifyCircuitChanged(tx, { circuitId, reason: 'limitChanged', chargerId });
    return done;
  });
}

export async function recordPowerOutcome(db: Executor, { chargerId, outcome, schedule }: { chargerId: string; outcome: PowerOutcome; schedule: CompositeSchedule | null }) {
  // A charger that did not answer keeps the schedule it reported last.
  const reported = outcome === 'noAnswer' ? {} : { reportedSchedule: schedule };
  await db.update(chargerPowerSettings).set({ sendOutcome: outcome, sentAt: new Date(), ...reported }).where(eq(chargerPowerSettings.chargerId, chargerId));
}
