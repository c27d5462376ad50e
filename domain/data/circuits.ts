import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, circuitAllocations, circuitChargers, circuits } from '../../db/schema';
import type { CircuitPhase } from '../circuits/allocate';
import { CIRCUIT_DEFAULT_PROFILE_ID, circuitTxProfileId } from '../circuits/circuit-profiles';
import { notifyCircuitChanged } from '../circuits/notify';
import { enqueueCommand } from '../commands/enqueue';
import type { SolarMode } from '../circuits/solar-hysteresis';
import { isUniqueViolation } from './db-errors';
import { done, failure, success, type Result } from './result';

type Scope = { accountId: string };
type CircuitScope = Scope & { circuitId: string };
export type CircuitFields = { name: string; capacityA: number; minCurrentA: number; followsMeterFeed: boolean; solarMode: SolarMode };
export type CircuitMember = { chargerId: string; phase: CircuitPhase };

const isCircuit = ({ accountId, circuitId }: CircuitScope) => and(eq(circuits.id, circuitId), eq(circuits.accountId, accountId));

// Only one circuit of an account follows the meter feed (a partial unique index): the second is refused.
async function unlessFeedTaken<T>(write: () => Promise<T>): Promise<T | 'feedTaken'> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return 'feedTaken';
    throw error;
  }
}

// The caller has checked the user manages accountId.
export async function createCircuit(db: Executor, { accountId, ...fields }: Scope & CircuitFields): Promise<Result<string, 'feedTaken'>> {
  const created = await unlessFeedTaken(() => db.insert(circuits).values({ accountId, ...fields }).returning({ id: circuits.id }));
  return created === 'feedTaken' ? failure(created) : success(created[0]!.id);
}

export async function updateCircuit(db: Executor, scope: CircuitScope & CircuitFields): Promise<Result<null, 'notFound' | 'feedTaken'>> {
  const { circuitId, name, capacityA, minCurrentA, followsMeterFeed, solarMode } = scope;
  const updated = await unlessFeedTaken(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(circuits)
        .set({ name, capacityA, minCurrentA, followsMeterFeed, solarMode, updatedAt: new Date() })
        .where(isCircuit(scope))
        .returning({ id: circuits.id });
      if (!row) return failure('notFound');
      await notifyCircuitChanged(tx, { circuitId, reason: 'capacityChanged', chargerId: null });
      return done;
    }),
  );
  return updated === 'feedTaken' ? failure(updated) : updated;
}

// A charger that leaves a circuit is asked to drop the circuit's profiles, so that it charges by the owner's own
// settings again; one that is offline keeps its static share until its owner clears it.
async function releaseChargers(tx: Executor, { accountId, chargerIds }: Scope & { chargerIds: string[] }) {
  if (chargerIds.length === 0) return;
  await tx.delete(circuitAllocations).where(inArray(circuitAllocations.chargerId, chargerIds));
  const leaving = await tx.select({ id: chargers.id, connectorCount: chargers.connectorCount }).from(chargers).where(inArray(chargers.id, chargerIds));
  for (const { id, connectorCount } of leaving) {
    const ids = [CIRCUIT_DEFAULT_PROFILE_ID, ...Array.from({ length: connectorCount }, (_, index) => circuitTxProfileId(index + 1))];
    for (const profileId of ids) await enqueueCommand(tx, { accountId, chargerId: id, action: 'ClearChargingProfile', payload: { id: profileId } });
  }
}

export async function deleteCircuit(db: Executor, scope: CircuitScope): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const members = await tx.select({ chargerId: circuitChargers.chargerId }).from(circuitChargers).where(eq(circuitChargers.circuitId, scope.circuitId));
    const [row] = await tx.delete(circuits).where(isCircuit(scope)).returning({ id: circuits.id });
    if (!row) return failure('notFound');
    await releaseChargers(tx, { accountId: scope.accountId, chargerIds: members.map((member) => member.chargerId) });
    return done;
  });
}

// The circuit's chargers become exactly `members` (each from any circuit of the account it was in before); a charger
// of another account makes the whole change `chargerNotFound`.
export async function setCircuitChargers(db: Executor, scope: CircuitScope & { members: CircuitMember[] }): Promise<Result<null, 'notFound' | 'chargerNotFound'>> {
  const { accountId, circuitId, members } = scope;
  return db.transaction(async (tx) => {
    const [circuit] = await tx.select({ id: circuits.id }).from(circuits).where(isCircuit(scope)).for('update');
    if (!circuit) return failure('notFound');
    const ids = members.map((member) => member.chargerId);
    const owned = ids.length === 0 ? [] : await tx.select({ id: chargers.id }).from(chargers).where(and(eq(chargers.accountId, accountId), inArray(chargers.id, ids)));
    if (owned.length !== new Set(ids).size) return failure('chargerNotFound');
    const leaving = await tx
      .delete(circuitChargers)
      .where(and(eq(circuitChargers.circuitId, circuitId), ids.length > 0 ? notInArray(circuitChargers.chargerId, ids) : undefined))
      .returning({ chargerId: circuitChargers.chargerId });
    await releaseChargers(tx, { accountId, chargerIds: leaving.map((row) => row.chargerId) });
    const moving = ids.length === 0 ? [] : await tx.select({ circuitId: circuitChargers.circuitId }).from(circuitChargers).where(inArray(circuitChargers.chargerId, ids));
    for (const { chargerId, phase } of members) {
      await tx
        .insert(circuitChargers)
        .values({ chargerId, accountId, circuitId, phase })
        .onConflictDoUpdate({ target: circuitChargers.chargerId, set: { circuitId, phase, defaultShareA: null } });
    }
    // Shares a moving charger's sessions had in their old circuit are no guide here.
    if (ids.length > 0) await tx.delete(circuitAllocations).where(and(inArray(circuitAllocations.chargerId, ids), ne(circuitAllocations.circuitId, circuitId)));
    for (const other of new Set(moving.map((row) => row.circuitId).filter((id) => id !== circuitId))) await notifyCircuitChanged(tx, { circuitId: other, reason: 'chargersChanged', chargerId: null });
    await notifyCircuitChanged(tx, { circuitId, reason: 'chargersChanged', chargerId: null });
    return success(null);
  });
}
