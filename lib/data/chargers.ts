import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chargers, connectors, ocppMessages, transactions, type NewCharger } from '@/db/schema';
import { CHARGER_REVOKED_CHANNEL } from '@/domain/charging/charger-events';
import { db } from '@/lib/db';
import { latestReading } from '@/domain/data/meter-sql';
import { isUniqueViolation } from '@/domain/data/db-errors';

type Scope = { accountId: string };
type ChargerScope = Scope & { chargerId: string };

const inAccount = ({ accountId }: Scope) => and(eq(chargers.accountId, accountId), isNull(chargers.deletedAt));

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

export type ConnectorState = {
  connectorId: number;
  status: string;
  errorCode: string;
  info: string | null;
  updatedAt: Date;
  powerW: number | null;
};

// Connectors of the given chargers with the latest active power of their open session, if any.
async function connectorStates(chargerIds: string[]): Promise<Map<string, ConnectorState[]>> {
  const byCharger = new Map<string, ConnectorState[]>();
  if (chargerIds.length === 0) return byCharger;
  const rows = await db()
    .select({
      chargerId: connectors.chargerId,
      connectorId: connectors.connectorId,
      status: connectors.status,
      errorCode: connectors.errorCode,
      info: connectors.info,
      updatedAt: connectors.updatedAt,
      powerW: latestReading(
        sql`(select ${transactions.id} from ${transactions} where ${transactions.chargerId} = ${connectors.chargerId} and ${transactions.connectorId} = ${connectors.connectorId} and ${transactions.stoppedAt} is null limit 1)`,
        'Power.Active.Import',
      ),
    })
    .from(connectors)
    .where(and(inArray(connectors.chargerId, chargerIds), sql`${connectors.connectorId} > 0`))
    .orderBy(asc(connectors.connectorId));
  for (const { chargerId, ...state } of rows) {
    byCharger.set(chargerId, [...(byCharger.get(chargerId) ?? []), state]);
  }
  return byCharger;
}

export const CHARGERS_PAGE_SIZE = 50;

async function withConnectors<Row extends { id: string }>(rows: Row[]) {
  const states = await connectorStates(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, connectors: states.get(row.id) ?? [] }));
}

export async function listChargers(scope: Scope) {
  const rows = await db().select(summaryColumns).from(chargers).where(inAccount(scope)).orderBy(asc(chargers.name), asc(chargers.id));
  return withConnectors(rows);
}
export type ChargerSummary = Awaited<ReturnType<typeof listChargers>>[number];

// One page of the account's chargers by name, and how many there are in all (both from
// chargers_account_name_idx).
export async function listChargerPage(scope: Scope & { page: number }) {
  const [rows, total] = await Promise.all([
    db()
      .select(summaryColumns)
      .from(chargers)
      .where(inAccount(scope))
      .orderBy(asc(chargers.name), asc(chargers.id))
      .limit(CHARGERS_PAGE_SIZE)
      .offset((scope.page - 1) * CHARGERS_PAGE_SIZE),
    countChargers(scope),
  ]);
  return { chargers: await withConnectors(rows), total };
}

async function countChargers(scope: Scope) {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(chargers).where(inAccount(scope));
  return row?.count ?? 0;
}

// What the dashboard shows of the chargers: how many, how many online, how many connectors charging.
export async function chargerCounts(scope: Scope) {
  const [row] = await db()
    .select({
      total: sql<number>`count(*)::int`,
      online: sql<number>`(count(*) filter (where ${chargers.isOnline}))::int`,
      charging: sql<number>`coalesce(sum((select count(*) from ${connectors} where ${connectors.chargerId} = ${chargers.id} and ${connectors.connectorId} > 0 and ${connectors.status} = 'Charging')), 0)::int`,
    })
    .from(chargers)
    .where(inAccount(scope));
  return row ?? { total: 0, online: 0, charging: 0 };
}

export async function getCharger({ accountId, chargerId }: ChargerScope) {
  const [row] = await db()
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
    })
    .from(chargers)
    .where(and(eq(chargers.id, chargerId), inAccount({ accountId })));
  if (!row) return null;
  const states = await connectorStates([row.id]);
  return { ...row, connectors: states.get(row.id) ?? [] };
}
export type ChargerDetail = NonNullable<Awaited<ReturnType<typeof getCharger>>>;

export type CreateChargerResult = { status: 'created'; chargerId: string } | { status: 'identityTaken' };

export async function createCharger(values: Omit<NewCharger, 'id'>): Promise<CreateChargerResult> {
  try {
    const [row] = await db().insert(chargers).values(values).returning({ id: chargers.id });
    return { status: 'created', chargerId: row!.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'identityTaken' };
    throw error;
  }
}

type ChargerEdit = { name: string; address: string | null; latitude: number | null; longitude: number | null; connectorCount: number };

export async function updateCharger(scope: ChargerScope, values: ChargerEdit): Promise<boolean> {
  const rows = await db()
    .update(chargers)
    .set(values)
    .where(and(eq(chargers.id, scope.chargerId), inAccount(scope)))
    .returning({ id: chargers.id });
  return rows.length > 0;
}

// The OCPP server checks a charger only at the WebSocket upgrade: the NOTIFY (delivered on commit) makes it close
// the socket already open, so that the old password or a removed charger stops working at once.
async function updateAndRevoke(scope: ChargerScope, values: Partial<NewCharger>): Promise<boolean> {
  return db().transaction(async (tx) => {
    const rows = await tx
      .update(chargers)
      .set(values)
      .where(and(eq(chargers.id, scope.chargerId), inAccount(scope)))
      .returning({ id: chargers.id });
    if (rows.length === 0) return false;
    await tx.execute(sql`select pg_notify(${CHARGER_REVOKED_CHANNEL}, ${scope.chargerId})`);
    return true;
  });
}

export async function setChargerPasswordHash(scope: ChargerScope, passwordHash: string): Promise<boolean> {
  return updateAndRevoke(scope, { passwordHash });
}

// Soft delete: sessions and meter values keep pointing at the row, so history stays complete.
export async function removeCharger(scope: ChargerScope): Promise<boolean> {
  return updateAndRevoke(scope, { deletedAt: new Date(), passwordHash: null });
}

export async function listRecentMessages(scope: ChargerScope, limit = 50) {
  return db()
    .select({
      id: ocppMessages.id,
      direction: ocppMessages.direction,
      messageType: ocppMessages.messageType,
      action: ocppMessages.action,
      payload: ocppMessages.payload,
      createdAt: ocppMessages.createdAt,
    })
    .from(ocppMessages)
    .innerJoin(chargers, eq(chargers.id, ocppMessages.chargerId))
    .where(and(eq(ocppMessages.chargerId, scope.chargerId), eq(chargers.accountId, scope.accountId)))
    .orderBy(desc(ocppMessages.id))
    .limit(limit);
}

export async function listRecentSessions(scope: ChargerScope, limit = 10) {
  return db()
    .select({
      id: transactions.id,
      connectorId: transactions.connectorId,
      idTag: transactions.idTag,
      startedAt: transactions.startedAt,
      stoppedAt: transactions.stoppedAt,
      energyWh: transactions.energyWh,
      meterStartWh: transactions.meterStartWh,
      stopReason: transactions.stopReason,
      lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
    })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .where(and(eq(transactions.chargerId, scope.chargerId), eq(chargers.accountId, scope.accountId)))
    .orderBy(desc(transactions.startedAt))
    .limit(limit);
}
