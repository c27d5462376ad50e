import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { cards, transactions } from '../../../db/schema';
import { cardByIdTagQuery, type CardForAuthorization } from '../cards';
import { recordField, recordsetOf } from './recordset';
import { acceptedRemoteStartQuery } from './remote-start';

// A tag presented at a charger (an Authorize names no connector: null).
export type CardAtCharger = { accountId: string; idTag: string; chargerId: string; connectorId: number | null };
export type RemoteStartFound = { id: string; requestedBy: string | null };
export type CardAtChargerFound = { card: CardForAuthorization | null; remoteStart: RemoteStartFound | null };

const lookupRecords = recordsetOf({
  // The lookup's place in the batch (an integer, typed as one).
  position: transactions.connectorId,
  account_id: cards.accountId,
  id_tag: cards.idTag,
  charger_id: transactions.chargerId,
  connector_id: transactions.connectorId,
});

// Every session a charger starts begins with these two reads, its card and whether the app asked for the start: for
// many chargers at once they are one statement, each lookup's row joined to the card query and the remote start
// query run for it (lateral). The answers are in `lookups` order.
export async function lookUpCardsAtChargers(db: Database, lookups: CardAtCharger[]): Promise<CardAtChargerFound[]> {
  const at = { accountId: recordField('account_id'), idTag: recordField('id_tag'), chargerId: recordField('charger_id') };
  const card = cardByIdTagQuery(db, { ...at, place: { chargerId: at.chargerId, connectorId: recordField('connector_id') } }).as('card');
  const remoteStart = acceptedRemoteStartQuery(db, at).as('remote_start');
  const records = lookups.map((lookup, position) => ({
    position,
    account_id: lookup.accountId,
    id_tag: lookup.idTag,
    charger_id: lookup.chargerId,
    // An Authorize's null stays null in the recordset (typed as the column, which is never null in a session).
    connector_id: lookup.connectorId as number,
  }));
  const rows = await db
    .select({
      position: sql<number>`${recordField('position')}`,
      card: { id: card.id, accountId: card.accountId, kind: card.kind, status: card.status, userId: card.userId, expiresAt: card.expiresAt, memberUserId: card.memberUserId, isInOtherSession: card.isInOtherSession },
      remoteStart: { id: remoteStart.id, requestedBy: remoteStart.requestedBy },
    })
    .from(lookupRecords(records))
    .leftJoinLateral(card, sql`true`)
    .leftJoinLateral(remoteStart, sql`true`)
    // One text whatever the batch: prepared, one round trip (prepared.ts).
    .prepare('lookUpCardsAtChargers')
    .execute();
  const found: CardAtChargerFound[] = lookups.map(() => ({ card: null, remoteStart: null }));
  for (const row of rows) {
    found[row.position] = { card: row.card?.id ? row.card : null, remoteStart: row.remoteStart?.id ? row.remoteStart : null };
  }
  return found;
}

// One tag at one charger, as the statement of a batch of one.
export async function lookUpCardAtCharger(db: Database, lookup: CardAtCharger) {
  const [found] = await lookUpCardsAtChargers(db, [lookup]);
  return found!;
}

export type CardAtChargerLookup = (lookup: CardAtCharger) => Promise<CardAtChargerFound>;
