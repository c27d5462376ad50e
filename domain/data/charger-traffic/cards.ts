import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { cards, chargers, chargingEvents } from '../../../db/schema';
import { authorizeCard, decide, type AuthorizationContext } from '../../charging/authorize-card';
import { cardRefusal, type CardRefusal } from '../../charging/charging-events';
import type { ChargerRef } from './chargers';
import { cardRefusedInsert, cardsRefusedInsert } from './charging-events';
import { assignments, sqlTypeOf } from './columns';
import { chargerEventsOf, lastPerKey, recordField, recordsetOf } from './recordset';
import { lookUpCardAtCharger, type CardAtChargerLookup } from './card-lookups';
import { executePrepared } from './prepared';

// `connectorId`: the connector of the session the card is shown for; that session is not "another" one (cards.ts).
type CardCheck = { idTag: string; context: AuthorizationContext; connectorId?: number };

// Where a card was last used is a hint, not a ledger: while another charger's transaction is touching the same card
// (one fleet card at many chargers), that touch stands and this one is skipped rather than waiting for its commit,
// which made every Authorize and StartTransaction with that card wait in line. The try-lock (held to commit) says
// whether another touch is under way; the row lock alone could not: `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
// LOCKED)` locks the row twice, and two such touches of one card deadlocked in the 19,000-charger benchmark.
// The first key of pg_try_advisory_xact_lock(class, object) for card touches; the second is the card's hash.
const CARD_TOUCH_LOCK_CLASS = 1;

// `onlyIf`: a condition of the statement it is a CTE of (e.g. that its insert took place). Values, or SQL expressions
// of the columns of `from` (a batch's input, one card a row; a statement may update a row once, so once a card).
// `usedAt`: the time as ISO text (by default now), a parameter of a statement compiled once (prepared.ts).
type TouchOptions = { from?: SQL; onlyIf?: SQL; usedAt?: SQL };
export function touchCards({ chargerId, cardId }: { chargerId: string | SQL; cardId: string | SQL }, { from, onlyIf = sql`true`, usedAt }: TouchOptions = {}) {
  const set = assignments(cards, {
    lastUsedAt: sql`${usedAt ?? new Date().toISOString()}::${sqlTypeOf(cards.lastUsedAt)}`,
    lastUsedChargerId: sql`${chargerId}`,
  });
  return sql`
    update ${cards} set ${set} ${from ? sql`from ${from}` : sql``}
    where ${cards.id} = ${cardId} and ${onlyIf} and pg_try_advisory_xact_lock(${CARD_TOUCH_LOCK_CLASS}, hashtext(${cardId}::text))`;
}

export function touchCard(ref: ChargerRef, cardId: string, onlyIf: SQL = sql`true`) {
  return touchCards({ chargerId: ref.chargerId, cardId }, { onlyIf });
}

// Authorizes and, when the card is known, records where it was last used, in the caller's transaction.
export async function authorizeAndTouchCard(db: Executor, ref: ChargerRef, { idTag, context, connectorId }: CardCheck) {
  const place = connectorId === undefined ? undefined : { chargerId: ref.chargerId, connectorId };
  const authorization = await authorizeCard(db, { accountId: ref.accountId, idTag, context, place });
  if (authorization.card) await db.execute(touchCard(ref, authorization.card.id));
  return authorization;
}

// The charger server's batched store (batched.ts), or a statement per call.
export type AuthorizeTraffic = { lookUpCard: CardAtChargerLookup; recordAuthorize: (write: AuthorizeWrite) => Promise<void> };

const oneByOne = (db: Database): AuthorizeTraffic => ({
  lookUpCard: (lookup) => lookUpCardAtCharger(db, lookup),
  recordAuthorize: (write) => recordAuthorizes(db, [write]),
});

// Two statements and no transaction (the lookup, then the touch and a refusal's reason with its NOTIFY) instead of
// five round trips: every session a charger starts from its reader begins here, and the charger server shares both
// with other chargers' Authorizes (`traffic`). The lookup is the card and the platform's own remote start for the
// tag (card-lookups.ts): a virtual card's tag reaches a charger only in the platform's own RemoteStartTransaction; a
// charger set to AuthorizeRemoteTxRequests (OCPP 1.6 §9.1) sends it back in an Authorize before it starts.
export async function authorizeAtCharger(db: Database, ref: ChargerRef, idTag: string, traffic: AuthorizeTraffic = oneByOne(db)) {
  const { card, remoteStart } = await traffic.lookUpCard({ accountId: ref.accountId, idTag, chargerId: ref.chargerId, connectorId: null });
  const context = card?.kind === 'virtual' && remoteStart ? 'remoteStart' : 'charger';
  const authorization = decide(card, context, new Date());
  await traffic.recordAuthorize({ ...ref, cardId: authorization.card?.id ?? null, refusal: cardRefusal(card, authorization.status), idTag });
  return authorization;
}

// What an Authorize leaves behind: where its card was last used, why it was refused (an Authorize names no
// connector, OCPP 1.6 §4.2, so connector 0), and the charger's `authorize` event.
export type AuthorizeWrite = { chargerId: string; accountId: string; cardId: string | null; refusal: CardRefusal | null; idTag: string };

const chargerRecords = recordsetOf({ charger_id: chargers.id, account_id: chargers.accountId });
const touchRecords = recordsetOf({ charger_id: chargers.id, card_id: cards.id });
const refusalRecords = recordsetOf({ charger_id: chargers.id, refusal: chargingEvents.code, id_tag: chargingEvents.idTag });


// Many chargers' Authorizes in one statement (createBatchedStore groups them): each card touched once, by the last
// charger in the batch to present it, and only if no other touch of it is under way (touchCards).
export async function recordAuthorizes(db: Database, writes: AuthorizeWrite[]) {
  const touched = lastPerKey(
    writes.flatMap(({ chargerId, cardId }) => (cardId === null ? [] : [{ charger_id: chargerId, card_id: cardId }])),
    (row) => row.card_id,
  );
  const refused = writes.flatMap(({ chargerId, refusal, idTag }) => (refusal === null ? [] : [{ charger_id: chargerId, refusal, id_tag: idTag }]));
  const ctes = [
    touched.length > 0 ? sql`touched as (${touchCards({ chargerId: recordField('charger_id'), cardId: recordField('card_id') }, { from: touchRecords(touched) })})` : null,
    refused.length > 0
      ? sql`refused as (${cardsRefusedInsert({ chargerId: recordField('charger_id'), connectorId: sql`0`, refusal: recordField('refusal'), idTag: recordField('id_tag') }, { from: refusalRecords(refused) })})`
      : null,
  ].filter((cte) => cte !== null);
  const notify = chargerEventsOf(chargerRecords(writes.map(({ chargerId, accountId }) => ({ charger_id: chargerId, account_id: accountId }))), 'authorize');
  // Four texts at most (with or without touches, with or without refusals), so prepared (prepared.ts).
  await executePrepared(db, ctes.length === 0 ? notify : sql`with ${sql.join(ctes, sql`, `)} ${notify}`);
}

type CardWrites = { cardId: string | null; refused: Parameters<typeof cardRefusedInsert>[1] | null; onlyIf?: SQL };

// The card's touch and the reason it was refused, as CTEs of one statement.
export function cardWriteCtes(ref: ChargerRef, { cardId, refused, onlyIf }: CardWrites): SQL[] {
  return [cardId ? sql`touched as (${touchCard(ref, cardId, onlyIf)})` : null, refused ? sql`refused as (${cardRefusedInsert(ref, refused, onlyIf)})` : null].filter(
    (write) => write !== null,
  );
}

// `statement` preceded by the card's writes.
export function withCardWrites(ref: ChargerRef, statement: SQL, writes: CardWrites) {
  const ctes = cardWriteCtes(ref, writes);
  return ctes.length === 0 ? statement : sql`with ${sql.join(ctes, sql`, `)} ${statement}`;
}
