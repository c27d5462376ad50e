import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerCertificates, chargers } from '../../../db/schema';
import { chargerNotificationsInsert } from '../notification-queue';
import { assignments } from './columns';
import type { ChargerEventKind } from './notify';
import { chargerEventsOf, lastPerKey, recordsetOf, valuesOf, type RecordOf } from './recordset';
import { executePrepared } from './prepared';

export type ChargerRef = { chargerId: string; accountId: string };

// certificateSerial: for a profile 3 charger, the serial of the newest certificate the platform signed for it (the
// one it must log in with), or null.
// nextSecurityProfile: a higher profile sent to the charger that it has not connected under yet.
// ocppVersion: the subprotocol it was last served in (null for a charger never connected).
export type ChargerLogin = ChargerRef & {
  passwordHash: string | null;
  nextPasswordHash: string | null;
  securityProfile: number;
  nextSecurityProfile: number | null;
  certificateSerial: string | null;
  ocppVersion: string | null;
};

function newestSignedSerial(db: Database) {
  const newest = db
    .select({ serialNumber: chargerCertificates.serialNumber })
    .from(chargerCertificates)
    .where(and(eq(chargerCertificates.chargerId, chargers.id), eq(chargerCertificates.outcome, 'signed')))
    .orderBy(desc(chargerCertificates.requestedAt))
    .limit(1);
  return sql<string | null>`case when 3 in (${chargers.securityProfile}, ${chargers.nextSecurityProfile}) then (${newest}) end`;
}

// Many upgrades at once (a fleet reconnecting) are looked up in one statement; the answer is in `identities` order.
export async function findChargersByIdentity(db: Database, identities: string[]): Promise<(ChargerLogin | null)[]> {
  const rows = await db
    .select({
      identity: chargers.identity,
      chargerId: chargers.id,
      accountId: chargers.accountId,
      passwordHash: chargers.passwordHash,
      nextPasswordHash: chargers.nextPasswordHash,
      securityProfile: chargers.securityProfile,
      nextSecurityProfile: chargers.nextSecurityProfile,
      certificateSerial: newestSignedSerial(db),
      ocppVersion: chargers.ocppVersion,
    })
    .from(chargers)
    .where(and(isNull(chargers.deletedAt), sql`${chargers.identity} in (${valuesOf(identities, chargers.identity)})`))
    // One text whatever the batch (its identities are one parameter): prepared, it is one round trip (prepared.ts).
    .prepare('findChargersByIdentity')
    .execute();
  const byIdentity = new Map(rows.map(({ identity, ...login }) => [identity, login]));
  return identities.map((identity) => byIdentity.get(identity) ?? null);
}

// What a charger was let in with: the password hash it matched and the security profile it was checked under.
export type LoginCredential = { passwordHash: string | null; securityProfile: number };
export type HeldCredential = LoginCredential & { chargerId: string };

// Of the chargers whose sockets this process holds, those removed, with another password than they connected with,
// or now under another security profile.
export async function findRevokedChargers(db: Database, held: HeldCredential[]) {
  if (held.length === 0) return [];
  const ids = held.map((entry) => entry.chargerId);
  const rows = await db
    .select({ id: chargers.id, passwordHash: chargers.passwordHash, securityProfile: chargers.securityProfile })
    .from(chargers)
    .where(and(isNull(chargers.deletedAt), sql`${chargers.id} in (${valuesOf(ids, chargers.id)})`));
  const current = new Map(rows.map((row) => [row.id, row]));
  return held
    .filter((entry) => {
      const now = current.get(entry.chargerId);
      return !now || now.passwordHash !== entry.passwordHash || now.securityProfile !== entry.securityProfile;
    })
    .map((entry) => entry.chargerId);
}

// Batches of heartbeats, boots, connects and statuses update chargers rows concurrently: each takes its rows' locks
// in id order first, or two of them holding each other's rows deadlock (PostgreSQL then fails one after a second).
// NO KEY UPDATE, like the UPDATE itself: FOR UPDATE would also wait for the key-share locks that inserts of
// messages and meter values (foreign keys to chargers) take in their own order, and deadlock with those.
// A locking read returns each row as the transaction that held it left it (not as the statement's snapshot saw it), so
// what the update depends on is read here: an offline notice a sweep committed while this waited is seen.
const lockedInIdOrder = sql`locked(id, offline_notice_at) as (
  select ${chargers.id}, ${chargers.offlineNoticeAt} from ${chargers} where ${chargers.id} in (select charger_id from input) order by ${chargers.id} for no key update),`;

const CHARGER_FIELDS = { charger_id: chargers.id, account_id: chargers.accountId, at: chargers.lastSeenAt };
type ChargerRow = RecordOf<typeof CHARGER_FIELDS>;
const rowOf = (ref: ChargerRef): ChargerRow => ({ charger_id: ref.chargerId, account_id: ref.accountId, at: new Date() });

// `also`: further CTEs of the statement (each ending in a comma), reading `input`.
type ChargersUpdate<Row extends ChargerRow> = { kind: ChargerEventKind; records: (rows: Row[]) => SQL; rows: Row[]; set: SQL; also?: SQL } & Notifying;

// `isNotifying: false`: the statement sends no NOTIFY; the caller sends the charger events once it has committed
// (charger-event-notifier.ts).
export type Notifying = { isNotifying?: boolean };

// Each of these writes a batch of chargers (one row per charger, the latest if it came twice) in one statement
// with its NOTIFYs; createBatchedStore groups concurrent calls into these batches.
async function updateChargers<Row extends ChargerRow>(db: Database, { kind, records, rows, set, also = sql``, isNotifying = true }: ChargersUpdate<Row>) {
  const input = lastPerKey(rows, (row) => row.charger_id);
  await executePrepared(db, sql`
    with input as (select * from ${records(input)}),
    ${lockedInIdOrder}
    ${also}
    updated as (update ${chargers} set ${set} from input v where ${chargers.id} = v.charger_id and ${chargers.id} in (select id from locked))
    ${isNotifying ? chargerEventsOf(sql`input`, kind) : sql`select 1`}`);
}

export type Connected = ChargerRef & { instanceId: string; ocppVersion: string };

const connectedRecords = recordsetOf({ ...CHARGER_FIELDS, instance_id: chargers.instanceId, ocpp_version: chargers.ocppVersion });
const connectedSet = assignments(chargers, {
  isOnline: sql`true`,
  connectedAt: sql`v.at`,
  lastSeenAt: sql`v.at`,
  instanceId: sql`v.instance_id`,
  ocppVersion: sql`v.ocpp_version`,
  offlineNoticeAt: sql`null`,
});

// A charger whose outage the managers were told of (offlineNoticeAt) is announced back, in the same statement: the
// locked rows still hold the notice the update clears.
export async function markConnected(db: Database, connected: Connected[]) {
  const rows = connected.map((ref) => ({ ...rowOf(ref), instance_id: ref.instanceId, ocpp_version: ref.ocppVersion }));
  const back = sql`(select c.id as charger_id, c.account_id from ${chargers} c join locked l on l.id = c.id where l.offline_notice_at is not null)`;
  await updateChargers(db, { kind: 'connected', records: connectedRecords, rows, set: connectedSet, also: sql`back as (${chargerNotificationsInsert('charger-back', back)}),` });
}

export type Disconnected = ChargerRef & { instanceId: string };

const disconnectedRecords = recordsetOf({ ...CHARGER_FIELDS, instance_id: chargers.instanceId });

// Scoped to this instance: if the charger has meanwhile connected to another process, that one owns the flag.
export async function markDisconnected(db: Database, disconnected: Disconnected[]) {
  const rows = lastPerKey(disconnected.map((ref) => ({ ...rowOf(ref), instance_id: ref.instanceId })), (row) => row.charger_id);
  await executePrepared(db, sql`
    with input as (select * from ${disconnectedRecords(rows)}),
    ${lockedInIdOrder}
    updated as (
      update ${chargers} set ${assignments(chargers, { isOnline: sql`false`, disconnectedAt: sql`v.at` })} from input v
      where ${chargers.id} = v.charger_id and ${chargers.instanceId} = v.instance_id and ${chargers.id} in (select id from locked)
      returning ${chargers.id} as charger_id, ${chargers.accountId} as account_id
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

const bootRecords = recordsetOf({
  ...CHARGER_FIELDS,
  vendor: chargers.vendor,
  model: chargers.model,
  serial_number: chargers.serialNumber,
  firmware_version: chargers.firmwareVersion,
});
const bootSet = assignments(chargers, {
  vendor: sql`v.vendor`,
  model: sql`v.model`,
  serialNumber: sql`v.serial_number`,
  firmwareVersion: sql`v.firmware_version`,
  lastBootAt: sql`v.at`,
  lastSeenAt: sql`v.at`,
});

export async function recordBoots(db: Database, boots: Boot[]) {
  const rows = boots.map((boot) => ({
    ...rowOf(boot),
    vendor: boot.vendor,
    model: boot.model,
    serial_number: boot.serialNumber,
    firmware_version: boot.firmwareVersion,
  }));
  await updateChargers(db, { kind: 'boot', records: bootRecords, rows, set: bootSet });
}

const heartbeatRecords = recordsetOf(CHARGER_FIELDS);
const heartbeatSet = assignments(chargers, { lastHeartbeatAt: sql`v.at`, lastSeenAt: sql`v.at` });

export async function recordHeartbeats(db: Database, refs: ChargerRef[], { isNotifying }: Notifying = {}) {
  await updateChargers(db, { kind: 'heartbeat', records: heartbeatRecords, rows: refs.map(rowOf), set: heartbeatSet, isNotifying });
}

const firmwareRecords = recordsetOf({ ...CHARGER_FIELDS, status: chargers.firmwareStatus });
const diagnosticsRecords = recordsetOf({ ...CHARGER_FIELDS, status: chargers.diagnosticsStatus });

// Rare (a firmware update or a diagnostics upload), so not batched: the same statement for one charger.
export async function recordFirmwareStatus(db: Database, ref: ChargerRef, status: string) {
  const set = assignments(chargers, { firmwareStatus: sql`v.status`, lastSeenAt: sql`v.at` });
  await updateChargers(db, { kind: 'firmware-status', records: firmwareRecords, rows: [{ ...rowOf(ref), status }], set });
}

export async function recordDiagnosticsStatus(db: Database, ref: ChargerRef, status: string) {
  const set = assignments(chargers, { diagnosticsStatus: sql`v.status`, lastSeenAt: sql`v.at` });
  await updateChargers(db, { kind: 'diagnostics-status', records: diagnosticsRecords, rows: [{ ...rowOf(ref), status }], set });
}
