import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerPowerSettings, chargers, chargerSmartCharging, circuitAllocations, circuitChanges, circuitChargers, circuits, connectors, transactions } from '../../db/schema';
import type { CircuitPhase } from '../circuits/allocate';
import type { FeedBudget } from '../circuits/feed-budget';
import type { DrawingSession } from '../circuits/feed-plan';
import type { CircuitPlan, PlanCharger } from '../circuits/plan';
import type { CircuitReason } from '../circuits/reasons';
import { drawingConnectors } from './drawing-connectors';
import { getLatestGridReading } from './grid-power';
import { latestReading } from './meter-sql';
import { isOpenAt } from '../smart-charging/charging-windows';
import { DEFAULT_ELECTRICAL, type Electrical } from '../smart-charging/profile';

// The most a 1.6 AC charger gives on a phase: a charger whose owner set no maximum counts as this.
export const CHARGER_MAX_A = 32;

// The current per phase the owner's maximum power gives on this charger's wiring.
export const chargerMaxA = (maxPowerW: number | null, { voltage, phases }: Electrical) => (maxPowerW === null ? CHARGER_MAX_A : Math.min(CHARGER_MAX_A, maxPowerW / (voltage * phases)));

export async function getCircuitOfCharger(db: Executor, chargerId: string) {
  const [row] = await db.select({ circuitId: circuitChargers.circuitId }).from(circuitChargers).where(eq(circuitChargers.chargerId, chargerId));
  return row?.circuitId ?? null;
}

export async function listCircuitIds(db: Executor) {
  return (await db.select({ id: circuits.id }).from(circuits)).map((row) => row.id);
}

// Only one planner at a time per circuit, across OCPP server processes, until the transaction ends.
export async function lockCircuit(tx: Executor, circuitId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`circuit:${circuitId}`}))`);
}

async function loadChargers(db: Executor, circuitId: string, now: Date) {
  const rows = await db
    .select({
      chargerId: circuitChargers.chargerId,
      accountId: circuitChargers.accountId,
      circuitPhase: circuitChargers.phase,
      defaultShareA: circuitChargers.defaultShareA,
      plannedOnline: circuitChargers.plannedOnline,
      isOnline: chargers.isOnline,
      isSupported: chargerSmartCharging.isSupported,
      maxStackLevel: chargerSmartCharging.maxStackLevel,
      allowedRateUnits: chargerSmartCharging.allowedRateUnits,
      maxProfilesInstalled: chargerSmartCharging.maxProfilesInstalled,
      maxPowerW: chargerPowerSettings.maxPowerW,
      windows: chargerPowerSettings.windows,
      timeZone: chargerPowerSettings.timeZone,
      phases: chargerPowerSettings.phases,
      voltage: chargerPowerSettings.voltage,
      connectorCount: drawingConnectors(),
    })
    .from(circuitChargers)
    .innerJoin(chargers, eq(chargers.id, circuitChargers.chargerId))
    .leftJoin(chargerSmartCharging, eq(chargerSmartCharging.chargerId, circuitChargers.chargerId))
    .leftJoin(chargerPowerSettings, eq(chargerPowerSettings.chargerId, circuitChargers.chargerId))
    .where(eq(circuitChargers.circuitId, circuitId))
    .orderBy(asc(circuitChargers.chargerId));
  return rows.map((row) => {
    const electrical = { phases: row.phases ?? DEFAULT_ELECTRICAL.phases, voltage: row.voltage ?? DEFAULT_ELECTRICAL.voltage };
    const owner = row.timeZone === null ? null : { maxPowerW: row.maxPowerW, windows: row.windows ?? [], timeZone: row.timeZone };
    const limits = row.isSupported === null ? null : { isSupported: row.isSupported, maxStackLevel: row.maxStackLevel, allowedRateUnits: row.allowedRateUnits, maxProfilesInstalled: row.maxProfilesInstalled };
    const plan: PlanCharger = {
      chargerId: row.chargerId,
      isOnline: row.isOnline,
      isControllable: limits?.isSupported !== false,
      phases: electrical.phases,
      circuitPhase: row.circuitPhase as CircuitPhase,
      maxA: chargerMaxA(row.maxPowerW, electrical),
      isWindowOpen: !owner || owner.windows.length === 0 || isOpenAt(owner.windows, now, owner.timeZone),
      connectorCount: Math.max(1, row.connectorCount),
      defaultShareA: row.defaultShareA,
      voltage: electrical.voltage,
    };
    return { ...plan, accountId: row.accountId, plannedOnline: row.plannedOnline, limits, electrical, owner };
  });
}
export type CircuitChargerState = Awaited<ReturnType<typeof loadChargers>>[number];

// Running sessions behind the circuit in arrival order, with their connector's status, last share and, for a circuit
// following the meter feed (which takes their draw off the grid reading), the power drawn.
async function loadSessions(db: Executor, chargerIds: string[], { withPower }: { withPower: boolean }): Promise<DrawingSession[]> {
  if (chargerIds.length === 0) return [];
  return db
    .select({
      transactionId: transactions.id,
      chargerId: transactions.chargerId,
      connectorId: transactions.connectorId,
      status: connectors.status,
      currentA: circuitAllocations.currentA,
      measuredPowerW: withPower ? latestReading(transactions.id, 'Power.Active.Import') : sql<null>`null`,
    })
    .from(transactions)
    .leftJoin(connectors, and(eq(connectors.chargerId, transactions.chargerId), eq(connectors.connectorId, transactions.connectorId)))
    .leftJoin(circuitAllocations, eq(circuitAllocations.transactionId, transactions.id))
    .where(and(inArray(transactions.chargerId, chargerIds), isNull(transactions.stoppedAt)))
    .orderBy(asc(transactions.startedAt), asc(transactions.id));
}

export async function loadCircuitState(db: Executor, circuitId: string, now: Date) {
  const [circuit] = await db
    .select({
      id: circuits.id,
      accountId: circuits.accountId,
      capacityA: circuits.capacityA,
      minCurrentA: circuits.minCurrentA,
      plannedCapacityA: circuits.plannedCapacityA,
      followsMeterFeed: circuits.followsMeterFeed,
      solarMode: circuits.solarMode,
      isSolarCharging: circuits.isSolarCharging,
      solarCrossedAt: circuits.solarCrossedAt,
      plannedFeedLive: circuits.plannedFeedLive,
      plannedBudgetA: circuits.plannedBudgetA,
      plannedOtherLoadW: circuits.plannedOtherLoadW,
      plannedReadingAt: circuits.plannedReadingAt,
    })
    .from(circuits)
    .where(eq(circuits.id, circuitId));
  if (!circuit) return null;
  const members = await loadChargers(db, circuitId, now);
  const reading = circuit.followsMeterFeed ? await getLatestGridReading(db, { accountId: circuit.accountId }) : null;
  return { circuit, chargers: members, sessions: await loadSessions(db, members.map((member) => member.chargerId), { withPower: circuit.followsMeterFeed }), reading };
}

// What the plan read from the meter feed, for the page and for the next plan's hysteresis and reasons.
function feedColumns(feed: FeedBudget) {
  const solar = feed.kind === 'fuse' ? { isCharging: false, crossedAt: null } : feed.solar;
  return {
    isSolarCharging: solar.isCharging,
    solarCrossedAt: solar.crossedAt,
    plannedFeedLive: feed.kind === 'fuse' ? null : feed.kind === 'live',
    plannedBudgetA: feed.kind === 'live' ? feed.budgetA : null,
    plannedOtherLoadW: feed.kind === 'live' ? feed.otherLoadW : null,
    plannedReadingAt: feed.kind === 'live' ? feed.readingAt : null,
  };
}

// Keeps the plan's shares as the truth the page shows and the next plan compares with (a lost charger's session keeps
// what it was last sent), with what it read from the feed, and drops those of sessions no longer running: the chargers
// those were on are returned.
export async function storePlan(
  db: Executor,
  { circuitId, plan, feed, running, capacityA, online }: { circuitId: string; plan: CircuitPlan; feed: FeedBudget; running: number[]; capacityA: number; online: Map<string, boolean> },
) {
  await db.update(circuits).set({ plannedCapacityA: capacityA, ...feedColumns(feed) }).where(eq(circuits.id, circuitId));
  for (const isOnline of [true, false]) {
    const ids = [...online].filter(([, value]) => value === isOnline).map(([chargerId]) => chargerId);
    if (ids.length > 0) await db.update(circuitChargers).set({ plannedOnline: isOnline }).where(inArray(circuitChargers.chargerId, ids));
  }
  const stopped = await db
    .delete(circuitAllocations)
    .where(and(eq(circuitAllocations.circuitId, circuitId), running.length > 0 ? notInArray(circuitAllocations.transactionId, running) : undefined))
    .returning({ chargerId: circuitAllocations.chargerId });
  for (const { transactionId, chargerId, currentA, previousA } of plan.allocations) {
    if (currentA === previousA) continue;
    await db
      .insert(circuitAllocations)
      .values({ transactionId, chargerId, circuitId, currentA })
      .onConflictDoUpdate({ target: circuitAllocations.transactionId, set: { circuitId, currentA, updatedAt: new Date() } });
  }
  if (plan.defaults.length > 0) await db.update(circuitChargers).set({ defaultShareA: plan.shareA }).where(inArray(circuitChargers.chargerId, plan.defaults));
  return stopped.map((row) => row.chargerId);
}

// A charger that connected again may have lost its profiles (a reboot, a reset): both are sent again.
export async function forgetSentLimits(db: Executor, chargerId: string) {
  await db.update(circuitChargers).set({ defaultShareA: null }).where(eq(circuitChargers.chargerId, chargerId));
  await db.delete(circuitAllocations).where(eq(circuitAllocations.chargerId, chargerId));
}

export type CircuitChangeRecord = {
  circuitId: string;
  chargerId: string;
  transactionId: number | null;
  currentA: number;
  reason: CircuitReason;
  reasonChargerId: string | null;
  commandId: string | null;
};

export async function recordCircuitChange(db: Executor, change: CircuitChangeRecord) {
  await db.insert(circuitChanges).values(change);
}
