import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers, connectors } from '../../../db/schema';
import { MAX_CONNECTORS } from '../../charging/limits';
import type { ChargerRef } from './chargers';
import { chargerEventsOf, lastPerKey, recordset } from './recordset';

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

const COLUMNS =
  'charger_id uuid, account_id uuid, connector_id integer, status text, error_code text, info text, vendor_id text, vendor_error_code text, status_at timestamptz, updated_at timestamptz';

// Every charger sends one per connector at each boot: a batch of them is one statement (the upsert, the
// connector count and the NOTIFYs) instead of one each.
export async function recordConnectorStatuses(db: Database, statuses: ChargerConnectorStatus[]) {
  const updatedAt = new Date();
  const rows = statuses
    .filter((status) => status.connectorId <= MAX_CONNECTORS)
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
    with input as (select * from ${recordset(input, COLUMNS)}),
    upserted as (
      insert into ${connectors} (charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, status_at, updated_at)
      select charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, status_at, updated_at from input
      on conflict (charger_id, connector_id) do update set
        status = excluded.status, error_code = excluded.error_code, info = excluded.info, vendor_id = excluded.vendor_id,
        vendor_error_code = excluded.vendor_error_code, status_at = excluded.status_at, updated_at = excluded.updated_at
    ),
    highest as (select charger_id, max(connector_id) as connector_id from input group by charger_id),
    locked as (
      select c.id from ${chargers} c join highest on c.id = highest.charger_id
      where c.connector_count < highest.connector_id order by c.id for no key update of c
    ),
    grown as (
      update ${chargers} c set connector_count = highest.connector_id from highest
      where c.id = highest.charger_id and c.id in (select id from locked) and c.connector_count < highest.connector_id
    )
    ${chargerEventsOf(sql`input`, 'status')}`);
}
