import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers, connectors, connectorStatusHistory, transactions } from '../../../db/schema';
import { isConnectorId } from '../../charging/limits';
import type { ChargerRef } from './chargers';
import { assignments, columnList, excludedValue, fromExcluded } from './columns';
import { chargerEventsOf, fieldList, recordsetOf } from './recordset';
import { statusEventsInsert } from './charging-events';
import { faultNotificationsInsert } from '../notification-queue';
import { executePrepared } from './prepared';

export type ConnectorStatus = {
  connectorId: number;
  status: string;
  errorCode: string;
  info: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  statusAt: Date | null;
};

export type ChargerConnectorStatus = ChargerRef & ConnectorStatus;

const STATUS_FIELDS = {
  charger_id: connectors.chargerId,
  connector_id: connectors.connectorId,
  status: connectors.status,
  error_code: connectors.errorCode,
  info: connectors.info,
  vendor_id: connectors.vendorId,
  vendor_error_code: connectors.vendorErrorCode,
  status_at: connectors.statusAt,
  updated_at: connectors.updatedAt,
};
const { charger_id: chargerKey, connector_id: connectorKey, ...STATUS_VALUES } = STATUS_FIELDS;
const statusRecords = recordsetOf({ account_id: chargers.accountId, ...STATUS_FIELDS });

const HISTORY_FIELDS = {
  charger_id: connectorStatusHistory.chargerId,
  connector_id: connectorStatusHistory.connectorId,
  status: connectorStatusHistory.status,
  error_code: connectorStatusHistory.errorCode,
  info: connectorStatusHistory.info,
  vendor_id: connectorStatusHistory.vendorId,
  vendor_error_code: connectorStatusHistory.vendorErrorCode,
  status_at: connectorStatusHistory.statusAt,
  received_at: connectorStatusHistory.receivedAt,
};
const historyRecords = recordsetOf(HISTORY_FIELDS);

// A stored status stamped further ahead of the server's clock than this came from a charger clock that was wrong (and
// has since been set): it does not hold back what the charger sends after.
const CLOCK_AHEAD_ALLOWANCE_MS = 60_000;

type StatusRow = { status_at: Date | null; updated_at: Date };

// Whether `incoming` may replace `stored`. A charger replays the StatusNotifications it queued offline, possibly after
// newer ones: two timestamps of the charger's are compared, and a status without one (optional in 1.6) is current.
function supersedes(incoming: StatusRow, stored: StatusRow) {
  if (!incoming.status_at || !stored.status_at) return true;
  return incoming.status_at >= stored.status_at || stored.status_at.getTime() > incoming.updated_at.getTime() + CLOCK_AHEAD_ALLOWANCE_MS;
}

// The same test in the upsert, between the stored row and `excluded`.
const incomingStatusAt = excludedValue(connectors.statusAt);
const incomingUpdatedAt = excludedValue(connectors.updatedAt);
const excludedSupersedes = sql`${incomingStatusAt} is null or ${connectors.statusAt} is null or ${incomingStatusAt} >= ${connectors.statusAt}
  or ${connectors.statusAt} > ${incomingUpdatedAt} + make_interval(secs => ${CLOCK_AHEAD_ALLOWANCE_MS / 1000})`;

// One row per connector, the one that supersedes the others in arrival order: an upsert may not touch a row twice.
function newestPerConnector<Row extends StatusRow>(rows: Row[], keyOf: (row: Row) => string) {
  const newest = new Map<string, Row>();
  for (const row of rows) {
    const kept = newest.get(keyOf(row));
    if (!kept || supersedes(row, kept)) newest.set(keyOf(row), row);
  }
  return [...newest.values()];
}

// A status that says less than the session running on its connector does (2.0.1's Occupied, status-notification.ts):
// dropped, history and all, in the statement that would record it, rather than after a round trip asking first.
const noOpenSession = sql`where not exists (
  select 1 from ${transactions} where ${transactions.chargerId} = v.charger_id and ${transactions.connectorId} = v.connector_id and ${transactions.stoppedAt} is null)`;

// Every charger sends one per connector at each boot: a batch of them is one statement (the history, the upsert of
// the newest, the reasons worth showing a driver, the connector count and the NOTIFYs) instead of one each.
// isDroppedDuringSession: every status of the batch is left out where its connector has a session running.
export async function recordConnectorStatuses(db: Database, statuses: ChargerConnectorStatus[], { isDroppedDuringSession = false } = {}) {
  const updatedAt = new Date();
  const rows = statuses
    .filter((status) => isConnectorId(status.connectorId))
    .map((status) => ({
      charger_id: status.chargerId,
      account_id: status.accountId,
      connector_id: status.connectorId,
      status: status.status,
      error_code: status.errorCode,
      info: status.info,
      vendor_id: status.vendorId,
      vendor_error_code: status.vendorErrorCode,
      status_at: status.statusAt,
      updated_at: updatedAt,
    }));
  if (rows.length === 0) return;
  // In (charger, connector) order, so that two batches upserting the same connectors lock them in the same order.
  const key = (row: (typeof rows)[number]) => `${row.charger_id}/${String(row.connector_id).padStart(4, '0')}`;
  const input = newestPerConnector(rows, key).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const history = rows.map((row) => ({
    charger_id: row.charger_id,
    connector_id: row.connector_id,
    status: row.status,
    error_code: row.error_code,
    info: row.info,
    vendor_id: row.vendor_id,
    vendor_error_code: row.vendor_error_code,
    status_at: row.status_at,
    received_at: row.updated_at,
  }));
  const unlessSession = isDroppedDuringSession ? noOpenSession : sql``;
  // The charger knows its connectors better than the owner who registered it: connector_count grows to the highest seen.
  await executePrepared(db, sql`
    with input as (select * from ${statusRecords(input)} ${unlessSession}),
    recorded as (
      insert into ${connectorStatusHistory} (${columnList(Object.values(HISTORY_FIELDS))})
      select ${fieldList(HISTORY_FIELDS)} from ${historyRecords(history)} ${unlessSession}
    ),
    upserted as (
      insert into ${connectors} (${columnList(Object.values(STATUS_FIELDS))})
      select ${fieldList(STATUS_FIELDS)} from input
      on conflict (${columnList([chargerKey, connectorKey])}) do update set ${fromExcluded(Object.values(STATUS_VALUES))}
      where ${excludedSupersedes}
    ),
    reasons as (${statusEventsInsert(sql`input`)}),
    faults as (${faultNotificationsInsert(sql`input`)}),
    highest as (select charger_id, max(connector_id) as connector_id from input group by charger_id),
    locked(id) as (
      select ${chargers.id} from ${chargers} join highest on ${chargers.id} = highest.charger_id
      where ${chargers.connectorCount} < highest.connector_id order by ${chargers.id} for no key update of ${chargers}
    ),
    grown as (
      update ${chargers} set ${assignments(chargers, { connectorCount: sql`highest.connector_id` })} from highest
      where ${chargers.id} = highest.charger_id and ${chargers.id} in (select id from locked) and ${chargers.connectorCount} < highest.connector_id
    )
    ${chargerEventsOf(sql`input`, 'status')}`);
}
