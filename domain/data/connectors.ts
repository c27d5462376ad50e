import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, connectors, evseConnectors, transactions } from '../../db/schema';
import { latestReading } from './meter-sql';

// A connector of a 2.0.1 EVSE that has another (a socket and a tethered cable): the pages name it by its EVSE and
// its number there, as the station is labelled, so the driver can tell the two apart.
export type EvseLabel = { evseId: number; evseConnectorId: number };

export type ConnectorState = {
  connectorId: number;
  evse: EvseLabel | null;
  status: string;
  errorCode: string;
  info: string | null;
  updatedAt: Date;
  powerW: number | null;
};

// What the app shows of a connector: of an offline charger, nothing it last reported holds (a car may have left,
// the charger may have rebooted), so its status is Unknown, with the last one reported and when the charger was
// last seen; its power is unknown too.
export type ConnectorView = ConnectorState & { lastReportedStatus: string; lastSeenAt: Date | null };

export const UNKNOWN_STATUS = 'Unknown';

type SeenCharger = { isOnline: boolean; lastSeenAt: Date | null; disconnectedAt: Date | null };

// The socket answered pings until it closed, so the charger was last seen at the later of its last message and that.
function lastSeen({ lastSeenAt, disconnectedAt }: SeenCharger) {
  if (!lastSeenAt || !disconnectedAt) return lastSeenAt ?? disconnectedAt;
  return disconnectedAt > lastSeenAt ? disconnectedAt : lastSeenAt;
}

export function connectorsAsSeen(states: ConnectorState[], charger: SeenCharger): ConnectorView[] {
  return states.map((state) => ({
    ...state,
    lastReportedStatus: state.status,
    lastSeenAt: lastSeen(charger),
    ...(charger.isOnline ? {} : { status: UNKNOWN_STATUS, errorCode: 'NoError', info: null, powerW: null }),
  }));
}

// Connectors of the given chargers with the latest active power of their open session, if any.
export async function listConnectorStates(db: Executor, { chargerIds }: { chargerIds: string[] }): Promise<Map<string, ConnectorState[]>> {
  const byCharger = new Map<string, ConnectorState[]>();
  if (chargerIds.length === 0) return byCharger;
  const rows = await db
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
  const labels = await sharedEvseLabels(db, chargerIds);
  for (const { chargerId, ...state } of rows) {
    byCharger.set(chargerId, [...(byCharger.get(chargerId) ?? []), { ...state, evse: labels.get(`${chargerId}/${state.connectorId}`) ?? null }]);
  }
  return byCharger;
}

// The EVSE and number of each connector whose EVSE has more than one, keyed by charger and connector; a charger that
// speaks 1.6 again has connectors only.
async function sharedEvseLabels(db: Executor, chargerIds: string[]) {
  const rows = await db
    .select({ chargerId: evseConnectors.chargerId, connectorId: evseConnectors.connectorId, evseId: evseConnectors.evseId, evseConnectorId: evseConnectors.evseConnectorId })
    .from(evseConnectors)
    .innerJoin(chargers, eq(chargers.id, evseConnectors.chargerId))
    .where(and(inArray(evseConnectors.chargerId, chargerIds), eq(chargers.ocppVersion, 'ocpp2.0.1')));
  const evseKey = (row: (typeof rows)[number]) => `${row.chargerId}/${row.evseId}`;
  const perEvse = new Map<string, number>();
  for (const row of rows) perEvse.set(evseKey(row), (perEvse.get(evseKey(row)) ?? 0) + 1);
  const shared = rows.filter((row) => (perEvse.get(evseKey(row)) ?? 0) > 1);
  return new Map(shared.map((row) => [`${row.chargerId}/${row.connectorId}`, { evseId: row.evseId, evseConnectorId: row.evseConnectorId }]));
}

export async function withConnectors<Row extends { id: string } & SeenCharger>(db: Executor, rows: Row[]) {
  const states = await listConnectorStates(db, { chargerIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ ...row, connectors: connectorsAsSeen(states.get(row.id) ?? [], row) }));
}

// The last status the charger reported for one connector, if any.
export async function getConnectorStatus(db: Executor, { chargerId, connectorId }: { chargerId: string; connectorId: number }): Promise<string | null> {
  const [row] = await db
    .select({ status: connectors.status })
    .from(connectors)
    .where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, connectorId)));
  return row?.status ?? null;
}

// The EVSE of each connector that shares one, by connector: what the forms naming a connector label it with.
export function evseLabelsOf(connectors: Pick<ConnectorState, 'connectorId' | 'evse'>[]): Record<number, EvseLabel> {
  return Object.fromEntries(connectors.flatMap((connector) => (connector.evse ? [[connector.connectorId, connector.evse]] : [])));
}
