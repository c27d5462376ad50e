import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { cards } from '../../../db/schema';
import { authorizeCard, type AuthorizationContext } from '../../../lib/charging/authorize-card';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

type CardCheck = { idTag: string; context: AuthorizationContext };

// Authorizes and, when the card is known, records where it was last used, in the caller's transaction.
// Where a card was last used is a hint, not a ledger: while another charger's transaction is touching the same card
// (one fleet card at many chargers), that touch stands and this one is skipped rather than waiting for its commit,
// which made every Authorize and StartTransaction with that card wait in line.
export async function authorizeAndTouchCard(db: Executor, ref: ChargerRef, { idTag, context }: CardCheck) {
  const authorization = await authorizeCard(db, { accountId: ref.accountId, idTag, context });
  if (authorization.card) {
    await db.execute(sql`
      update ${cards} set last_used_at = ${new Date().toISOString()}::timestamptz, last_used_charger_id = ${ref.chargerId}
      where id = (select id from ${cards} where id = ${authorization.card.id} for no key update skip locked)`);
  }
  return authorization;
}

export async function authorizeAtCharger(db: Database, ref: ChargerRef, idTag: string) {
  return db.transaction(async (tx) => {
    const authorization = await authorizeAndTouchCard(tx, ref, { idTag, context: 'charger' });
    await notifyChargerEvent(tx, { ...ref, kind: 'authorize' });
    return authorization;
  });
}
