import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers, connectors } from '../../../db/schema';
import { isConnectorId } from '../../charging/limits';
import type { ChargerRef } from './chargers';
import { assignments, columnList, fromExcluded } from './columns';
import { chargerEventsOf, fieldList, lastPerKey, recordsetOf } from './recordset';

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

// Every charger sends one per connector at each boot: a batch of them is one statement (the upsert, the
// connector count and the NOTIFYs) instead of one each.
export async function recordConnectorStatuses(db: Database, statuses: ChargerConnectorStatus[]) {
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
  const input = lastPerKey(rows, key).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  // The charger knows its connectors better than the owner who registered it: connector_count grows to the highest seen.
  await db.execute(sql`
    with input as (select * from ${statusRecords(input)}),
    upserted as (
      insert into ${connectors} (${columnList(Object.values(STATUS_FIELDS))})
      select ${fieldList(STATUS_FIELDS)} from input
      on conflict (${columnList([chargerKey, connectorKey])}) do update set ${fromExcluded(Object.values(STATUS_VALUES))}
    ),
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
