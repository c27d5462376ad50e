import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers } from '../../../db/schema';
import { chargerEventQuery, notifyChargerEvent, type ChargerEventKind } from './notify';

export type ChargerRef = { chargerId: string; accountId: string };

export async function findChargerByIdentity(db: Database, identity: string) {
  const [row] = await db
    .select({ chargerId: chargers.id, accountId: chargers.accountId, passwordHash: chargers.passwordHash })
    .from(chargers)
    .where(and(eq(chargers.identity, identity), isNull(chargers.deletedAt)));
  return row ?? null;
}

export type HeldCredential = { chargerId: string; passwordHash: string | null };

// Of the chargers whose sockets this process holds, those removed or with another password than they connected with.
export async function findRevokedChargers(db: Database, held: HeldCredential[]) {
  if (held.length === 0) return [];
  const rows = await db
    .select({ id: chargers.id, passwordHash: chargers.passwordHash })
    .from(chargers)
    .where(and(inArray(chargers.id, held.map((entry) => entry.chargerId)), isNull(chargers.deletedAt)));
  const current = new Map(rows.map((row) => [row.id, row.passwordHash]));
  return held.filter((entry) => !current.has(entry.chargerId) || current.get(entry.chargerId) !== entry.passwordHash).map((entry) => entry.chargerId);
}

type ChargerUpdate = Partial<typeof chargers.$inferInsert>;

// One statement, so one round trip instead of four (BEGIN, UPDATE, NOTIFY, COMMIT): a statement is its own
// transaction, and its NOTIFY still goes out only on commit. Heartbeats and boots of every charger pass here.
async function updateCharger(db: Database, ref: ChargerRef, values: ChargerUpdate, kind: ChargerEventKind) {
  const update = db.update(chargers).set(values).where(eq(chargers.id, ref.chargerId));
  await db.execute(sql`with updated as ${update} ${chargerEventQuery({ ...ref, kind })}`);
}

export async function markConnected(db: Database, ref: ChargerRef & { instanceId: string; ocppVersion: string }) {
  const now = new Date();
  const values = { isOnline: true, connectedAt: now, lastSeenAt: now, instanceId: ref.instanceId, ocppVersion: ref.ocppVersion };
  await updateCharger(db, ref, values, 'connected');
}

// Scoped to this instance: if the charger has meanwhile connected to another process, that one owns the flag.
export async function markDisconnected(db: Database, ref: ChargerRef & { instanceId: string }) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(chargers)
      .set({ isOnline: false, disconnectedAt: new Date() })
      .where(and(eq(chargers.id, ref.chargerId), eq(chargers.instanceId, ref.instanceId)))
      .returning({ id: chargers.id });
    if (rows.length > 0) await notifyChargerEvent(tx, { chargerId: ref.chargerId, accountId: ref.accountId, kind: 'disconnected' });
  });
}

// A process that died without closing its sockets left its chargers flagged online; it clears them when it starts again.
export async function clearOnlineFlags(db: Database, instanceId: string) {
  const rows = await db
    .update(chargers)
    .set({ isOnline: false, disconnectedAt: new Date() })
    .where(and(eq(chargers.instanceId, instanceId), eq(chargers.isOnline, true)))
    .returning({ id: chargers.id });
  return rows.length;
}

export type BootInfo = { vendor: string; model: string; serialNumber: string | null; firmwareVersion: string | null };

export async function recordBoot(db: Database, ref: ChargerRef, boot: BootInfo) {
  const now = new Date();
  await updateCharger(db, ref, { ...boot, lastBootAt: now, lastSeenAt: now }, 'boot');
}

export async function recordHeartbeat(db: Database, ref: ChargerRef) {
  const now = new Date();
  await updateCharger(db, ref, { lastHeartbeatAt: now, lastSeenAt: now }, 'heartbeat');
}

export async function recordFirmwareStatus(db: Database, ref: ChargerRef, status: string) {
  await updateCharger(db, ref, { firmwareStatus: status, lastSeenAt: new Date() }, 'firmware-status');
}

export async function recordDiagnosticsStatus(db: Database, ref: ChargerRef, status: string) {
  await updateCharger(db, ref, { diagnosticsStatus: status, lastSeenAt: new Date() }, 'diagnostics-status');
}
