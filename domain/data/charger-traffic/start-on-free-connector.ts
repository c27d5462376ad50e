import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargingEvents, chargingPlans, transactions } from '../../../db/schema';
import type { CardRefusal } from '../../charging/charging-events';
import { sessionStartedInsert } from '../notification-queue';
import { touchCards } from './cards';
import type { ChargerRef } from './chargers';
import { cardsRefusedInsert } from './charging-events';
import { assignments, columnList } from './columns';
import { executePrepared } from './prepared';
import { chargerEventsOf, recordsetOf } from './recordset';

export type NewSession = {
  connectorId: number;
  idTag: string;
  meterStartWh: number;
  startedAt: Date;
  cardId: string | null;
  userId: string | null;
  authorizationStatus: string;
  isRemoteStarted: boolean;
  // An OCPP 2.0.1 charger's own name for the session, written with it (none for 1.6).
  ocppTransactionId?: string | null;
  isMeterStartPending?: boolean;
};

// What a start leaves beside the session: its card's touch, why the card was refused (recorded at the session's
// connector, with its tag), and (`planCommandId`) the waiting Ready-by plan of the remote start it answers, which the
// session now carries.
export type FreeConnectorStart = { ref: ChargerRef; session: NewSession; refusal: CardRefusal | null; planCommandId: string | null };

const SESSION_FIELDS = {
  charger_id: transactions.chargerId,
  account_id: transactions.accountId,
  connector_id: transactions.connectorId,
  id_tag: transactions.idTag,
  meter_start_wh: transactions.meterStartWh,
  started_at: transactions.startedAt,
  card_id: transactions.cardId,
  user_id: transactions.userId,
  authorization_status: transactions.authorizationStatus,
  is_remote_started: transactions.isRemoteStarted,
  ocpp_transaction_id: transactions.ocppTransactionId,
  is_meter_start_pending: transactions.isMeterStartPending,
};
const startRecords = recordsetOf({
  ...SESSION_FIELDS,
  refusal: chargingEvents.code,
  plan_command_id: chargingPlans.commandId,
});
const SESSION_COLUMNS = columnList(Object.values(SESSION_FIELDS));
const SESSION_SELECT = sql.join(
  Object.keys(SESSION_FIELDS).map((field) => sql`v.${sql.identifier(field)}`),
  sql`, `,
);
const column = (name: string) => sql`v.${sql.identifier(name)}`;
// Each start's input row beside the session it inserted: a charger's connector starts at most once per statement.
const INSERTED_INPUT = sql`inserted i join input v on v.charger_id = i.charger_id and v.connector_id = i.connector_id`;

const keyOf = ({ ref, session }: FreeConnectorStart) => `${ref.chargerId}/${session.connectorId}`;

function recordOf({ ref, session, refusal, planCommandId }: FreeConnectorStart) {
  return {
    charger_id: ref.chargerId,
    account_id: ref.accountId,
    connector_id: session.connectorId,
    id_tag: session.idTag,
    meter_start_wh: session.meterStartWh,
    started_at: session.startedAt,
    card_id: session.cardId,
    user_id: session.userId,
    authorization_status: session.authorizationStatus,
    is_remote_started: session.isRemoteStarted,
    ocpp_transaction_id: session.ocppTransactionId ?? null,
    is_meter_start_pending: session.isMeterStartPending ?? false,
    // Null when the card was not refused (typed as the code column, which is never null in an event).
    refusal: refusal as string,
    plan_command_id: planCommandId,
  };
}

// The common start, in one statement and no transaction, for many chargers' starts at once (the charger server
// groups them, batched.ts): each session's row, its "started" notification, its card's touch or refusal, its waiting
// plan and its charger's NOTIFY, only for a start on a connector with no open session (which the start would
// supersede) and that is not a retry (its start key, or its 2.0.1 transactionId, is taken). Either leaves that start's
// id null, and its caller takes the transactional path that handles both; so does a second start of one connector in
// the same batch, which must see the first one's session. The ids are in `starts` order.
export async function startOnFreeConnectors(db: Database, starts: FreeConnectorStart[]): Promise<(number | null)[]> {
  const firsts = new Map<string, FreeConnectorStart>();
  for (const start of starts) if (!firsts.has(keyOf(start))) firsts.set(keyOf(start), start);
  const records = [...firsts.values()].map(recordOf);
  const ctes = [
    sql`input as (select * from ${startRecords(records)})`,
    sql`inserted as (
      insert into ${transactions} (${SESSION_COLUMNS})
      select ${SESSION_SELECT} from input v
      where not exists (
        select 1 from ${transactions}
        where ${transactions.chargerId} = v.charger_id and ${transactions.connectorId} = v.connector_id and ${transactions.stoppedAt} is null)
      on conflict do nothing
      returning id, user_id, account_id, charger_id, connector_id, authorization_status)`,
    sql`started as (${sessionStartedInsert(sql`inserted`)})`,
    sql`touched as (${touchCards({ chargerId: column('charger_id'), cardId: column('card_id') }, { from: INSERTED_INPUT })})`,
    sql`refused as (${cardsRefusedInsert(
      { chargerId: column('charger_id'), connectorId: column('connector_id'), refusal: column('refusal'), idTag: column('id_tag') },
      { from: INSERTED_INPUT, onlyIf: sql`v.refusal is not null` },
    )})`,
    sql`planned as (update ${chargingPlans} set ${assignments(chargingPlans, { transactionId: sql`i.id` })} from ${INSERTED_INPUT}
      where ${chargingPlans.commandId} = v.plan_command_id and ${chargingPlans.transactionId} is null)`,
    sql`notified as (${chargerEventsOf(sql`inserted`, 'transaction-started')})`,
  ];
  // Its text is the same for every batch (the starts are one jsonb parameter): prepared once per connection.
  const rows = await executePrepared<{ id: number; charger_id: string; connector_id: number }>(db, sql`
    with ${sql.join(ctes, sql`, `)}
    select i.id, i.charger_id, i.connector_id, (select count(*) from notified) as notified from inserted i`);
  const ids = new Map(rows.map((row) => [`${row.charger_id}/${row.connector_id}`, Number(row.id)]));
  return starts.map((start) => (firsts.get(keyOf(start)) === start ? (ids.get(keyOf(start)) ?? null) : null));
}

// One start, as the statement of a batch of one.
export async function startOnFreeConnector(db: Database, start: FreeConnectorStart): Promise<number | null> {
  const [id] = await startOnFreeConnectors(db, [start]);
  return id ?? null;
}
