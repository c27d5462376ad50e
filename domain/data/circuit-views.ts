import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { chargerCommands, chargerPowerSettings, chargers, chargerSmartCharging, circuitAllocations, circuitChanges, circuitChargers, circuits, connectors, transactions } from '../../db/schema';
import { DEFAULT_ELECTRICAL } from '../smart-charging/profile';
import { chargerMaxA } from './circuit-planning';
import { drawingConnectors } from './drawing-connectors';

type Scope = { accountId: string };
type CircuitScope = Scope & { circuitId: string };

// Which of these chargers are behind a circuit (whose share keeps the fuse, so they take no "ready by" plan).
export async function listChargersBehindCircuits(db: Executor, { chargerIds }: { chargerIds: string[] }) {
  if (chargerIds.length === 0) return new Set<string>();
  const rows = await db.select({ chargerId: circuitChargers.chargerId }).from(circuitChargers).where(inArray(circuitChargers.chargerId, chargerIds));
  return new Set(rows.map((row) => row.chargerId));
}

export async function listCircuits(db: Executor, { accountId }: Scope) {
  return db
    .select({ id: circuits.id, name: circuits.name, capacityA: circuits.capacityA, chargerCount: count(circuitChargers.chargerId) })
    .from(circuits)
    .leftJoin(circuitChargers, eq(circuitChargers.circuitId, circuits.id))
    .where(eq(circuits.accountId, accountId))
    .groupBy(circuits.id)
    .orderBy(asc(circuits.name), asc(circuits.id));
}

export async function getCircuit(db: Executor, { accountId, circuitId }: CircuitScope) {
  const [row] = await db
    .select({
      id: circuits.id,
      name: circuits.name,
      capacityA: circuits.capacityA,
      minCurrentA: circuits.minCurrentA,
      followsMeterFeed: circuits.followsMeterFeed,
      solarMode: circuits.solarMode,
      isSolarCharging: circuits.isSolarCharging,
      plannedFeedLive: circuits.plannedFeedLive,
      plannedBudgetA: circuits.plannedBudgetA,
      plannedOtherLoadW: circuits.plannedOtherLoadW,
    })
    .from(circuits)
    .where(and(eq(circuits.id, circuitId), eq(circuits.accountId, accountId)));
  if (!row) return null;
  // Every connector that can draw counts for the static share, as the planner counts them.
  const [connectorSum] = await db
    .select({ count: sql<number>`coalesce(sum(${drawingConnectors()}), 0)::int` })
    .from(circuitChargers)
    .innerJoin(chargers, eq(chargers.id, circuitChargers.chargerId))
    .where(eq(circuitChargers.circuitId, circuitId));
  return { ...row, connectorCount: connectorSum?.count ?? 0 };
}
export type CircuitView = NonNullable<Awaited<ReturnType<typeof getCircuit>>>;

// Every charger of the account, with the circuit it is in (this one, another, none) and how it is wired, for the
// assignment form.
export async function listCircuitCandidates(db: Executor, { accountId }: Scope) {
  return db
    .select({
      id: chargers.id,
      name: chargers.name,
      circuitId: circuitChargers.circuitId,
      circuitName: circuits.name,
      phase: circuitChargers.phase,
      phases: chargerPowerSettings.phases,
      isSupported: chargerSmartCharging.isSupported,
    })
    .from(chargers)
    .leftJoin(circuitChargers, eq(circuitChargers.chargerId, chargers.id))
    .leftJoin(circuits, eq(circuits.id, circuitChargers.circuitId))
    .leftJoin(chargerPowerSettings, eq(chargerPowerSettings.chargerId, chargers.id))
    .leftJoin(chargerSmartCharging, eq(chargerSmartCharging.chargerId, chargers.id))
    .where(eq(chargers.accountId, accountId))
    .orderBy(asc(chargers.name), asc(chargers.id));
}

// The circuit's chargers, each running session's share now, and what the platform cannot steer.
export async function listCircuitShares(db: Executor, { accountId, circuitId }: CircuitScope) {
  const members = await db
    .select({
      chargerId: chargers.id,
      name: chargers.name,
      isOnline: chargers.isOnline,
      isSupported: chargerSmartCharging.isSupported,
      phases: chargerPowerSettings.phases,
      voltage: chargerPowerSettings.voltage,
      maxPowerW: chargerPowerSettings.maxPowerW,
      defaultShareA: circuitChargers.defaultShareA,
    })
    .from(circuitChargers)
    .innerJoin(chargers, eq(chargers.id, circuitChargers.chargerId))
    .leftJoin(chargerSmartCharging, eq(chargerSmartCharging.chargerId, chargers.id))
    .leftJoin(chargerPowerSettings, eq(chargerPowerSettings.chargerId, chargers.id))
    .where(and(eq(circuitChargers.circuitId, circuitId), eq(circuitChargers.accountId, accountId)))
    .orderBy(asc(chargers.name), asc(chargers.id));
  const sessions = await db
    .select({ transactionId: transactions.id, chargerId: transactions.chargerId, connectorId: transactions.connectorId, startedAt: transactions.startedAt, status: connectors.status, currentA: circuitAllocations.currentA })
    .from(transactions)
    .innerJoin(circuitChargers, and(eq(circuitChargers.chargerId, transactions.chargerId), eq(circuitChargers.circuitId, circuitId), eq(circuitChargers.accountId, accountId)))
    .leftJoin(connectors, and(eq(connectors.chargerId, transactions.chargerId), eq(connectors.connectorId, transactions.connectorId)))
    .leftJoin(circuitAllocations, eq(circuitAllocations.transactionId, transactions.id))
    .where(isNull(transactions.stoppedAt))
    .orderBy(asc(transactions.startedAt), asc(transactions.id));
  return members.map((member) => {
    const electrical = { phases: member.phases ?? DEFAULT_ELECTRICAL.phases, voltage: member.voltage ?? DEFAULT_ELECTRICAL.voltage };
    return { ...member, phases: electrical.phases, maxA: chargerMaxA(member.maxPowerW, electrical), isSupported: member.isSupported !== false, sessions: sessions.filter((session) => session.chargerId === member.chargerId) };
  });
}
export type CircuitShare = Awaited<ReturnType<typeof listCircuitShares>>[number];

const CHANGES_SHOWN = 50;
const reasonCharger = alias(chargers, 'reason_charger');

export async function listCircuitChanges(db: Executor, { accountId, circuitId }: CircuitScope) {
  return db
    .select({
      id: circuitChanges.id,
      createdAt: circuitChanges.createdAt,
      chargerName: chargers.name,
      transactionId: circuitChanges.transactionId,
      currentA: circuitChanges.currentA,
      reason: circuitChanges.reason,
      reasonChargerName: reasonCharger.name,
      commandStatus: chargerCommands.status,
    })
    .from(circuitChanges)
    .innerJoin(circuits, and(eq(circuits.id, circuitChanges.circuitId), eq(circuits.accountId, accountId)))
    .leftJoin(chargers, eq(chargers.id, circuitChanges.chargerId))
    .leftJoin(reasonCharger, eq(reasonCharger.id, circuitChanges.reasonChargerId))
    .leftJoin(chargerCommands, eq(chargerCommands.id, circuitChanges.commandId))
    .where(eq(circuitChanges.circuitId, circuitId))
    .orderBy(desc(circuitChanges.id))
    .limit(CHANGES_SHOWN);
}

export async function getChargerCircuit(db: Executor, { accountId, chargerId }: Scope & { chargerId: string }) {
  const [row] = await db
    .select({ id: circuits.id, name: circuits.name, capacityA: circuits.capacityA })
    .from(circuitChargers)
    .innerJoin(circuits, eq(circuits.id, circuitChargers.circuitId))
    .where(and(eq(circuitChargers.chargerId, chargerId), eq(circuitChargers.accountId, accountId)));
  return row ?? null;
}
