import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerPowerSettings, chargers, chargingPlans, circuitChargers } from '../../db/schema';
import type { ChargingPlan } from '../ready-by/plan';
import { DEFAULT_ELECTRICAL } from '../smart-charging/profile';
import { getSmartChargingLimits } from './power-settings';

// What planning a charger's sessions needs: its maximum, windows and wiring, whether it is behind a circuit's fuse,
// and what it says of Smart Charging.
export async function getChargerToPlan(db: Executor, { chargerId }: { chargerId: string }) {
  const [row] = await db
    .select({
      isOnline: chargers.isOnline,
      maxPowerW: chargerPowerSettings.maxPowerW,
      windows: chargerPowerSettings.windows,
      windowsTimeZone: chargerPowerSettings.timeZone,
      phases: chargerPowerSettings.phases,
      voltage: chargerPowerSettings.voltage,
      circuitId: circuitChargers.circuitId,
    })
    .from(chargers)
    .leftJoin(chargerPowerSettings, eq(chargerPowerSettings.chargerId, chargers.id))
    .leftJoin(circuitChargers, eq(circuitChargers.chargerId, chargers.id))
    .where(eq(chargers.id, chargerId));
  if (!row) return null;
  const { phases, voltage, windows, ...charger } = row;
  return {
    ...charger,
    windows: windows ?? [],
    electrical: phases && voltage ? { phases, voltage } : DEFAULT_ELECTRICAL,
    limits: await getSmartChargingLimits(db, chargerId),
  };
}
export type ChargerToPlan = NonNullable<Awaited<ReturnType<typeof getChargerToPlan>>>;

type PlanOwner = { accountId: string; chargerId: string; connectorId: number; userId: string; plan: ChargingPlan };

// A new plan for a session replaces its last one.
export async function saveSessionPlan(db: Executor, { transactionId, ...owner }: PlanOwner & { transactionId: number }) {
  await db
    .insert(chargingPlans)
    .values({ ...owner, transactionId })
    .onConflictDoUpdate({ target: chargingPlans.transactionId, set: { plan: owner.plan, userId: owner.userId, createdAt: new Date() } });
}

// A plan sent with a remote start, before the charger has a transaction to bind it to: the start's command binds
// it. A plan the charger was not sent on this connector is dropped.
export async function saveWaitingPlan(db: Executor, { commandId, ...owner }: PlanOwner & { commandId: string }) {
  await db.delete(chargingPlans).where(and(eq(chargingPlans.chargerId, owner.chargerId), eq(chargingPlans.connectorId, owner.connectorId), isNull(chargingPlans.transactionId)));
  await db.insert(chargingPlans).values({ ...owner, commandId });
}

export async function deleteWaitingPlan(db: Executor, { commandId }: { commandId: string }) {
  await db.delete(chargingPlans).where(and(eq(chargingPlans.commandId, commandId), isNull(chargingPlans.transactionId)));
}

// The plans of these sessions, by transaction id; only running sessions keep one (a plan goes when its session ends).
export async function listSessionPlans(db: Executor, { transactionIds }: { transactionIds: number[] }) {
  if (transactionIds.length === 0) return new Map<number, ChargingPlan>();
  const rows = await db.select({ transactionId: chargingPlans.transactionId, plan: chargingPlans.plan }).from(chargingPlans).where(inArray(chargingPlans.transactionId, transactionIds));
  return new Map(rows.map((row) => [row.transactionId!, row.plan]));
}
