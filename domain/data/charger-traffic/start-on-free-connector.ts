import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { transactions } from '../../../db/schema';
import { sessionStartedInsert } from '../notification-queue';
import { cardWriteCtes } from './cards';
import type { ChargerRef } from './chargers';
import { columnList, sqlTypeOf } from './columns';
import { chargerEventQuery } from './notify';
import { executePrepared } from './prepared';

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

type CardWrites = Omit<Parameters<typeof cardWriteCtes>[1], 'onlyIf'>;

const INSERTED_COLUMNS = [
  transactions.chargerId,
  transactions.accountId,
  transactions.connectorId,
  transactions.idTag,
  transactions.meterStartWh,
  transactions.startedAt,
  transactions.cardId,
  transactions.userId,
  transactions.authorizationStatus,
  transactions.isRemoteStarted,
  transactions.ocppTransactionId,
  transactions.isMeterStartPending,
];

// The common start, in one statement and no transaction: the session's row, its "started" notification, the card's
// touch or refusal and the NOTIFY, all only if the connector has no open session (which the start would supersede)
// and this is not a retry (the start key is taken). Either leaves the session's id null, and the caller takes the
// transactional path that handles both.
export async function startOnFreeConnector(db: Database, ref: ChargerRef, session: NewSession, cardWrites: CardWrites): Promise<number | null> {
  const values = [
    ref.chargerId,
    ref.accountId,
    session.connectorId,
    session.idTag,
    session.meterStartWh,
    session.startedAt.toISOString(),
    session.cardId,
    session.userId,
    session.authorizationStatus,
    session.isRemoteStarted,
    session.ocppTransactionId ?? null,
    session.isMeterStartPending ?? false,
  ].map((value, i) => sql`${value}::${sqlTypeOf(INSERTED_COLUMNS[i]!)}`);
  const inserted = sql`exists (select 1 from inserted)`;
  const ctes = [
    sql`inserted as (
      insert into ${transactions} (${columnList(INSERTED_COLUMNS)})
      select ${sql.join(values, sql`, `)}
      where not exists (
        select 1 from ${transactions}
        where ${transactions.chargerId} = ${ref.chargerId} and ${transactions.connectorId} = ${session.connectorId} and ${transactions.stoppedAt} is null)
      on conflict do nothing
      returning id, user_id, account_id, charger_id, connector_id, authorization_status)`,
    sql`started as (${sessionStartedInsert(sql`inserted`)})`,
    ...cardWriteCtes(ref, { ...cardWrites, onlyIf: inserted }),
  ];
  // A few texts at most (with or without the card's touch and refusal), so prepared: one round trip (prepared.ts).
  const rows = await executePrepared<{ id: number }>(db, sql`
    with ${sql.join(ctes, sql`, `)}
    select i.id, n.notified from inserted i cross join lateral (${chargerEventQuery({ ...ref, kind: 'transaction-started' })}) n(notified)`);
  return rows[0]?.id ?? null;
}
