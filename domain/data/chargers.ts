import { and, asc, eq, isNull, not, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, chargerProvisioning, chargers, connectors, memberships, type NewCharger } from '../../db/schema';
import { hasCurrentAccess, mayUseCharger, seesEverySession } from './member-access';
import { CHARGER_PROVISION_CHANNEL, CHARGER_REVOKED_CHANNEL } from '../charging/charger-events';
import { withConnectors } from './connectors';
import { isUniqueViolation } from './db-errors';
import { twoFactorMissingSql } from './two-factor';
import { done, failure, success, type Result } from './result';
import type { SecurityProfile } from '../chargers/security-profile';

type Scope = { accountId: string };
type ChargerScope = Scope & { chargerId: string };

const inAccount = ({ accountId }: Scope) => and(eq(chargers.accountId, accountId), isNull(chargers.deletedAt));
// The account's charger of that id, unless deleted.
export const isCharger = (scope: ChargerScope) => and(eq(chargers.id, scope.chargerId), inAccount(scope));

const summaryColumns = {
  id: chargers.id,
  identity: chargers.identity,
  name: chargers.name,
  address: chargers.address,
  isOnline: chargers.isOnline,
  connectedAt: chargers.connectedAt,
  disconnectedAt: chargers.disconnectedAt,
  lastHeartbeatAt: chargers.lastHeartbeatAt,
  lastSeenAt: chargers.lastSeenAt,
  connectorCount: chargers.connectorCount,
  createdAt: chargers.createdAt,
};

export const CHARGERS_PAGE_SIZE = 50;

export async function listChargers(db: Executor, scope: Scope) {
  const rows = await db.select(summaryColumns).from(chargers).where(inAccount(scope)).orderBy(asc(chargers.name), asc(chargers.id));
  return withConnectors(db, rows);
}
export type ChargerSummary = Awaited<ReturnType<typeof listChargers>>[number];

// One page of the account's chargers by name, and how many there are in all (both from
// chargers_account_name_idx).
export async function listChargerPage(db: Executor, scope: Scope & { page: number }) {
  const [rows, [counted]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(chargers)
      .where(inAccount(scope))
      .orderBy(asc(chargers.name), asc(chargers.id))
      .limit(CHARGERS_PAGE_SIZE)
      .offset((scope.page - 1) * CHARGERS_PAGE_SIZE),
    db.select({ count: sql<number>`count(*)::int` }).from(chargers).where(inAccount(scope)),
  ]);
  return { chargers: await withConnectors(db, rows), total: counted?.count ?? 0 };
}

// What the dashboard shows of the chargers: how many, how many online, how many connectors charging.
export async function getChargerCounts(db: Executor, scope: Scope) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      online: sql<number>`(count(*) filter (where ${chargers.isOnline}))::int`,
      charging: sql<number>`coalesce(sum((select count(*) from ${connectors} where ${connectors.chargerId} = ${chargers.id} and ${connectors.connectorId} > 0 and ${connectors.status} = 'Charging')), 0)::int`,
    })
    .from(chargers)
    .where(inAccount(scope));
  return row ?? { total: 0, online: 0, charging: 0 };
}

export async function getCharger(db: Executor, scope: ChargerScope) {
  const [row] = await db
    .select({
      ...summaryColumns,
      accountId: chargers.accountId,
      latitude: chargers.latitude,
      longitude: chargers.longitude,
      vendor: chargers.vendor,
      model: chargers.model,
      serialNumber: chargers.serialNumber,
      firmwareVersion: chargers.firmwareVersion,
      ocppVersion: chargers.ocppVersion,
      lastBootAt: chargers.lastBootAt,
      hasPassword: sql<boolean>`${chargers.passwordHash} is not null`,
      // Sent to the charger, which has not logged in with it yet.
      hasNextPassword: sql<boolean>`${chargers.nextPasswordHash} is not null`,
    })
    .from(chargers)
    .where(isCharger(scope));
  if (!row) return null;
  const [charger] = await withConnectors(db, [row]);
  return charger!;
}
export type ChargerDetail = NonNullable<Awaited<ReturnType<typeof getCharger>>>;

// Whether the charger is one of the account's (and not removed), without reading more of it.
export async function hasCharger(db: Executor, scope: ChargerScope): Promise<boolean> {
  const [row] = await db.select({ id: chargers.id }).from(chargers).where(isCharger(scope));
  return Boolean(row);
}

export async function listOnlineChargerIds(db: Executor, scope: Scope): Promise<string[]> {
  const rows = await db.select({ id: chargers.id }).from(chargers).where(and(inAccount(scope), eq(chargers.isOnline, true)));
  return rows.map((row) => row.id);
}

// The chargers of every account the user belongs to, account by account.
export async function listChargersForUser(db: Executor, { userId }: { userId: string }) {
  const memberOf = await db
    .select({
      accountId: accounts.id,
      accountName: accounts.name,
      twoFactorMissing: twoFactorMissingSql(accounts.requireTwoFactor, memberships.userId),
      seesEverySession: seesEverySession(),
      chargerIds: memberships.chargerIds,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), hasCurrentAccess()))
    .orderBy(asc(memberships.createdAt));
  const perAccount = await Promise.all(memberOf.map((account) => (account.twoFactorMissing ? [] : listChargers(db, { accountId: account.accountId }))));
  // A guest limited to some chargers sees only those.
  return memberOf.map(({ chargerIds, ...account }, index) => ({
    ...account,
    chargers: (perAccount[index] ?? []).filter((charger) => !chargerIds || chargerIds.includes(charger.id)),
  }));
}

// The charger, if the user belongs to its account (with two-factor, where the account requires it), with what a start
// needs to know.
export async function getChargerForUser(db: Executor, { userId, chargerId }: { userId: string; chargerId: string }) {
  const [charger] = await db
    .select({ id: chargers.id, accountId: chargers.accountId, isOnline: chargers.isOnline })
    .from(chargers)
    .innerJoin(memberships, and(eq(memberships.accountId, chargers.accountId), eq(memberships.userId, userId), hasCurrentAccess(), mayUseCharger(chargers.id)))
    .innerJoin(accounts, eq(accounts.id, chargers.accountId))
    .where(and(eq(chargers.id, chargerId), isNull(chargers.deletedAt), not(twoFactorMissingSql(accounts.requireTwoFactor, memberships.userId))));
  return charger ?? null;
}

export async function createCharger(db: Executor, values: Omit<NewCharger, 'id'>): Promise<Result<{ chargerId: string }, 'identityTaken'>> {
  try {
    const [row] = await db.insert(chargers).values(values).returning({ id: chargers.id });
    return success({ chargerId: row!.id });
  } catch (error) {
    if (isUniqueViolation(error)) return failure('identityTaken');
    throw error;
  }
}

type ChargerEdit = { name: string; address: string | null; latitude: number | null; longitude: number | null; connectorCount: number };

export async function updateCharger(db: Executor, { accountId, chargerId, ...values }: ChargerScope & ChargerEdit): Promise<Result<null, 'notFound'>> {
  const rows = await db.update(chargers).set(values).where(isCharger({ accountId, chargerId })).returning({ id: chargers.id });
  return rows.length > 0 ? done : failure('notFound');
}

// The OCPP server checks a charger only at the WebSocket upgrade: the NOTIFY (delivered on commit) makes it close
// the socket already open, so that the old password or a removed charger stops working at once.
async function updateAndRevoke(db: Executor, scope: ChargerScope, values: Partial<NewCharger>): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(chargers).set(values).where(isCharger(scope)).returning({ id: chargers.id });
    if (rows.length === 0) return failure('notFound');
    await tx.execute(sql`select pg_notify(${CHARGER_REVOKED_CHANNEL}, ${scope.chargerId})`);
    return done;
  });
}

export async function setChargerPasswordHash(db: Executor, { passwordHash, ...scope }: ChargerScope & { passwordHash: string }) {
  // A password sent to the charger and not yet used stops working too: the owner's choice is the only one.
  return updateAndRevoke(db, scope, { passwordHash, nextPasswordHash: null });
}

// Set by the owner (who sets the charger the same way): it reconnects at once and is checked under the new profile
// (a plain ws:// socket of a charger now at profile 2 is not left open). A raise sent to the charger and not yet
// taken is forgotten: the owner's choice is the only one.
export async function setSecurityProfile(db: Executor, { securityProfile, ...scope }: ChargerScope & { securityProfile: SecurityProfile }) {
  return updateAndRevoke(db, scope, { securityProfile, nextSecurityProfile: null });
}

// Soft delete: sessions and meter values keep pointing at the row, so history stays complete.
export async function removeCharger(db: Executor, scope: ChargerScope) {
  return updateAndRevoke(db, scope, { deletedAt: new Date(), passwordHash: null, nextPasswordHash: null });
}

export type MeterSettingsInput = { sampleIntervalSec: number | null; measurands: string[] | null };

// The owner's meter settings (null: the platform's default); the NOTIFY, delivered on commit, makes the OCPP
// server holding the charger's socket provision it again at once.
export async function updateMeterSettings(db: Executor, { sampleIntervalSec, measurands, ...scope }: ChargerScope & MeterSettingsInput): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(chargers)
      .set({ meterSampleIntervalSec: sampleIntervalSec, meterMeasurands: measurands })
      .where(isCharger(scope))
      .returning({ id: chargers.id });
    if (rows.length === 0) return failure('notFound');
    await tx.execute(sql`select pg_notify(${CHARGER_PROVISION_CHANNEL}, ${scope.chargerId})`);
    return done;
  });
}

// The meter settings of a charger and what it answered, key by key, the last time it was provisioned.
export async function getProvisioning(db: Executor, scope: ChargerScope) {
  const [charger] = await db
    .select({ sampleIntervalSec: chargers.meterSampleIntervalSec, measurands: chargers.meterMeasurands, provisionedAt: chargers.provisionedAt })
    .from(chargers)
    .where(isCharger(scope));
  if (!charger) return null;
  const results = await db
    .select({ key: chargerProvisioning.key, wanted: chargerProvisioning.wanted, reported: chargerProvisioning.reported, outcome: chargerProvisioning.outcome })
    .from(chargerProvisioning)
    .where(eq(chargerProvisioning.chargerId, scope.chargerId))
    .orderBy(asc(chargerProvisioning.key));
  return { ...charger, results };
}
export type ChargerProvisioning = NonNullable<Awaited<ReturnType<typeof getProvisioning>>>;
