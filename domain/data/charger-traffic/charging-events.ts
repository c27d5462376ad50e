import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { chargingEvents, connectors } from '../../../db/schema';
import { CHARGING_EVENTS_KEPT, RECORDED_STATUSES, type CardRefusal } from '../../charging/charging-events';
import type { ChargerRef } from './chargers';
import { columnList } from './columns';

const CARD_COLUMNS = columnList([chargingEvents.chargerId, chargingEvents.connectorId, chargingEvents.kind, chargingEvents.code, chargingEvents.idTag]);

// Refused cards, as a statement to run with (in a CTE of) the write that answers the charger, if `onlyIf` holds: one
// from values, or one per row of `from` (a batch's input) from SQL expressions of its columns.
type RefusedCard = { chargerId: string | SQL; connectorId: number | SQL; refusal: CardRefusal | SQL; idTag: string | SQL };

export function cardsRefusedInsert({ chargerId, connectorId, refusal, idTag }: RefusedCard, { from, onlyIf = sql`true` }: { from?: SQL; onlyIf?: SQL } = {}) {
  return sql`insert into ${chargingEvents} (${CARD_COLUMNS})
    select ${chargerId}::uuid, ${connectorId}::integer, 'card', ${refusal}, ${idTag} ${from ? sql`from ${from}` : sql``} where ${onlyIf}`;
}

export function cardRefusedInsert(ref: ChargerRef, refused: { connectorId: number; refusal: CardRefusal; idTag: string }, onlyIf: SQL = sql`true`) {
  return cardsRefusedInsert({ chargerId: ref.chargerId, ...refused }, { onlyIf });
}

const STATUS_COLUMNS = columnList([chargingEvents.chargerId, chargingEvents.connectorId, chargingEvents.kind, chargingEvents.code, chargingEvents.errorCode, chargingEvents.at]);
const recordedStatuses = sql.join(
  RECORDED_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

// For recordConnectorStatuses: from `source` (charger_id, connector_id, status, error_code, updated_at, one row per
// connector), the statuses worth a reason that differ from the one stored before this statement (a charger resends
// its statuses at every reconnect; a fault that comes back after an Available is a new one).
export function statusEventsInsert(source: SQL) {
  return sql`
    insert into ${chargingEvents} (${STATUS_COLUMNS})
    select s.charger_id, s.connector_id, 'status', s.status, s.error_code, s.updated_at from ${source} s
    where s.status in (${recordedStatuses}) and s.status is distinct from (
      select ${connectors.status} from ${connectors} where ${connectors.chargerId} = s.charger_id and ${connectors.connectorId} = s.connector_id)`;
}

const trimmed = alias(chargingEvents, 'e');

// Keeps each charger's newest CHARGING_EVENTS_KEPT, for the chargers with events past `afterId`; returns the newest
// id seen, the next call's `afterId`. Run by the OCPP server on a timer, off the path that answers chargers.
export async function trimChargingEvents(db: Database, { afterId }: { afterId: number }) {
  const [newest] = await db.execute<{ id: string | null }>(sql`select max(${chargingEvents.id}) as id from ${chargingEvents}`);
  const newestId = newest?.id === null || newest?.id === undefined ? afterId : Number(newest.id);
  if (newestId <= afterId) return afterId;
  await db.execute(sql`
    delete from ${chargingEvents} as ${trimmed} using (
      select charger.id as charger_id, oldest_dropped.id
      from (select distinct ${chargingEvents.chargerId} as id from ${chargingEvents} where ${chargingEvents.id} > ${afterId} and ${chargingEvents.id} <= ${newestId}) as charger
      cross join lateral (
        select ${chargingEvents.id} from ${chargingEvents} where ${chargingEvents.chargerId} = charger.id order by ${chargingEvents.id} desc offset ${CHARGING_EVENTS_KEPT} limit 1
      ) as oldest_dropped(id)
    ) old where ${trimmed.chargerId} = old.charger_id and ${trimmed.id} <= old.id`);
  return newestId;
}
