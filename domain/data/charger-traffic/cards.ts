import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { cards } from '../../../db/schema';
import { authorizeCard, decide, type AuthorizationContext } from '../../charging/authorize-card';
import { cardRefusal } from '../../charging/charging-events';
import type { ChargerRef } from './chargers';
import { cardRefusedInsert } from './charging-events';
import { assignments, sqlTypeOf } from './columns';
import { chargerEventQuery } from './notify';
import { lookUpCardAtCharger, type CardAtChargerLookup } from './card-lookups';

type CardCheck = { idTag: string; context: AuthorizationContext };

// Where a card was last used is a hint, not a ledger: while another charger's transaction is touching the same card
// (one fleet card at many chargers), that touch stands and this one is skipped rather than waiting for its commit,
// which made every Authorize and StartTransaction with that card wait in line. The try-lock (held to commit) says
// whether another touch is under way; the row lock alone could not: `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
// LOCKED)` locks the row twice, and two such touches of one card deadlocked in the 19,000-charger benchmark.
// The first key of pg_try_advisory_xact_lock(class, object) for card touches; the second is the card's hash.
const CARD_TOUCH_LOCK_CLASS = 1;

// `onlyIf`: a condition of the statement it is a CTE of (e.g. that its insert took place).
export function touchCard(ref: ChargerRef, cardId: string, onlyIf: SQL = sql`true`) {
  const set = assignments(cards, {
    lastUsedAt: sql`${new Date().toISOString()}::${sqlTypeOf(cards.lastUsedAt)}`,
    lastUsedChargerId: sql`${ref.chargerId}`,
  });
  return sql`
    update ${cards} set ${set}
    where ${cards.id} = ${cardId} and ${onlyIf} and pg_try_advisory_xact_lock(${CARD_TOUCH_LOCK_CLASS}, hashtext(${cardId}))`;
}

// Authorizes and, when the card is known, records where it was last used, in the caller's transaction.
export async function authorizeAndTouchCard(db: Executor, ref: ChargerRef, { idTag, context }: CardCheck) {
  const authorization = await authorizeCard(db, { accountId: ref.accountId, idTag, context });
  if (authorization.card) await db.execute(touchCard(ref, authorization.card.id));
  return authorization;
}

// Two statements and no transaction (the lookup, then the touch and a refusal's reason with its NOTIFY) instead of
// five round trips: every session a charger starts from its reader begins here. The lookup is the card and the
// platform's own remote start for the tag (card-lookups.ts), which the charger server groups with other chargers'
// (`lookUp`, its batched store). A virtual card's tag reaches a charger only in the platform's own
// RemoteStartTransaction; a charger set to AuthorizeRemoteTxRequests (OCPP 1.6 §9.1) sends it back in an Authorize
// before it starts. An Authorize names no connector (OCPP 1.6 §4.2), so a refusal is the charger's as a whole,
// connector 0.
export async function authorizeAtCharger(db: Database, ref: ChargerRef, idTag: string, lookUp: CardAtChargerLookup = (lookup) => lookUpCardAtCharger(db, lookup)) {
  const { card, remoteStart } = await lookUp({ accountId: ref.accountId, idTag, chargerId: ref.chargerId, connectorId: null });
  const context = card?.kind === 'virtual' && remoteStart ? 'remoteStart' : 'charger';
  const authorization = decide(card, context, new Date());
  const refusal = cardRefusal(card, authorization.status);
  await db.execute(
    withCardWrites(ref, chargerEventQuery({ ...ref, kind: 'authorize' }), {
      cardId: authorization.card?.id ?? null,
      refused: refusal && { connectorId: 0, refusal, idTag },
    }),
  );
  return authorization;
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
