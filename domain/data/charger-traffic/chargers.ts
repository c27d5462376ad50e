import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers } from '../../../db/schema';
import type { ChargerEventKind } from './notify';
import { chargerEventsOf, lastPerKey, recordset, valuesOf } from './recordset';

export type ChargerRef = { chargerId: string; accountId: string };

export type ChargerLogin = ChargerRef & { passwordHash: string | null };

// Many upgrades at once (a fleet reconnecting) are looked up in one statement; the answer is in `identities` order.
export async function findChargersByIdentity(db: Database, identities: string[]): Promise<(ChargerLogin | null)[]> {
  const rows = await db.execute<{ identity: string; charger_id: string; account_id: string; password_hash: string | null }>(sql`
    select identity, id as charger_id, account_id, password_hash from ${chargers}
    where deleted_at is null and identity in (${valuesOf(identities, 'text')})`);
  const byIdentity = new Map(rows.map((row) => [row.identity, { chargerId: row.charger_id, accountId: row.account_id, passwordHash: row.password_hash }]));
  return identities.map((identity) => byIdentity.get(identity) ?? null);
}

export type HeldCredential = { chargerId: string; passwordHash: string | null };

// Of the chargers whose sockets this process holds, those removed or with another password than they connected with.
export async function findRevokedChargers(db: Database, held: HeldCredential[]) {
  if (held.length === 0) return [];
  const rows = await db.execute<{ id: string; password_hash: string | null }>(sql`
    select id, password_hash from ${chargers}
    where deleted_at is null and id in (${valuesOf(held.map((entry) => entry.chargerId), 'uuid')})`);
  const current = new Map(rows.map((row) => [row.id, row.password_hash]));
  return held.filter((entry) => !current.has(entry.chargerId) || current.get(entry.chargerId) !== entry.passwordHash).map((entry) => entry.chargerId);
}

// Batches of heartbeats, boots, connects and statuses update chargers rows concurrently: each takes its rows' locks
// in id order first, or two of them holding each other's rows deadlock (PostgreSQL then fails one after a second).
// NO KEY UPDATE, like the UPDATE itself: FOR UPDATE would also wait for the key-share locks that inserts of
// messages and meter values (foreign keys to chargers) take in their own order, and deadlock with those.
const lockedInIdOrder = sql`locked as (select id from ${chargers} where id in (select charger_id from input) order by id for no key update),`;

// Each of these writes a batch of chargers (one row per charger, the latest if it came twice) in one statement
// with its NOTIFYs; createBatchedStore groups concurrent calls into these batches.
async function updateChargers(db: Database, kind: ChargerEventKind, rows: ChargerRow[], extraColumns: string, assignments: string) {
  const input = lastPerKey(rows, (row) => row.charger_id);
  const columns = ['charger_id uuid, account_id uuid, at timestamptz', extraColumns].filter(Boolean).join(', ');
  await db.execute(sql`
    with input as (select * from ${recordset(input, columns)}),
    ${lockedInIdOrder}
    updated as (update ${chargers} c set ${sql.raw(assignments)} from input v where c.id = v.charger_id and c.id in (select id from locked))
    ${chargerEventsOf(sql`input`, kind)}`);
}

type ChargerRow = { charger_id: string; account_id: string; at: Date };
const rowOf = (ref: ChargerRef): ChargerRow => ({ charger_id: ref.chargerId, account_id: ref.accountId, at: new Date() });

export type Connected = ChargerRef & { instanceId: string; ocppVersion: string };

export async function markConnected(db: Database, connected: Connected[]) {
  const rows = connected.map((ref) => ({ ...rowOf(ref), instance_id: ref.instanceId, ocpp_version: ref.ocppVersion }));
  const assignments = 'is_online = true, connected_at = v.at, last_seen_at = v.at, instance_id = v.instance_id, ocpp_version = v.ocpp_version';
  await updateChargers(db, 'connected', rows, 'instance_id text, ocpp_version text', assignments);
}

export type Disconnected = ChargerRef & { instanceId: string };

// Scoped to this instance: if the charger has meanwhile connected to another process, that one owns the flag.
export async function markDisconnected(db: Database, disconnected: Disconnected[]) {
  const rows = lastPerKey(disconnected.map((ref) => ({ ...rowOf(ref), instance_id: ref.instanceId })), (row) => row.charger_id);
  await db.execute(sql`
    with input as (select * from ${recordset(rows, 'charger_id uuid, account_id uuid, at timestamptz, instance_id text')}),
    ${lockedInIdOrder}
    updated as (
      update ${chargers} c set is_online = false, disconnected_at = v.at from input v
      where c.id = v.charger_id and c.instance_id = v.instance_id and c.id in (select id from locked)
      returning c.id as charger_id, c.account_id
    )
    ${chargerEventsOf(sql`updated`, 'disconnected')}`);
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

export type Boot = ChargerRef & BootInfo;

export async function recordBoots(db: Database, boots: Boot[]) {
  const rows = boots.map((boot) => ({
    ...rowOf(boot),
    vendor: boot.vendor,
    model: boot.model,
    serial_number: boot.serialNumber,
    firmware_version: boot.firmwareVersion,
  }));
  const assignments = 'vendor = v.vendor, model = v.model, serial_number = v.serial_number, firmware_version = v.firmware_version, last_boot_at = v.at, last_seen_at = v.at';
  await updateChargers(db, 'boot', rows, 'vendor text, model text, serial_number text, firmware_version text', assignments);
}

export async function recordHeartbeats(db: Database, refs: ChargerRef[]) {
  await updateChargers(db, 'heartbeat', refs.map(rowOf), '', 'last_heartbeat_at = v.at, last_seen_at = v.at');
}

// Rare (a firmware update or a diagnostics upload), so not batched: the same statement for one charger.
export async function recordFirmwareStatus(db: Database, ref: ChargerRef, status: string) {
  const row = { ...rowOf(ref), status };
  await updateChargers(db, 'firmware-status', [row], 'status text', 'firmware_status = v.status, last_seen_at = v.at');
}

export async function recordDiagnosticsStatus(db: Database, ref: ChargerRef, status: string) {
  const row = { ...rowOf(ref), status };
  await updateChargers(db, 'diagnostics-status', [row], 'status text', 'diagnostics_status = v.status, last_seen_at = v.at');
}
