import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { cards } from '../../../db/schema';
import { authorizeCard, type AuthorizationContext } from '../../../lib/charging/authorize-card';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

type CardCheck = { idTag: string; context: AuthorizationContext };

// Authorizes and, when the card is known, records where it was last used, in the caller's transaction.
export async function authorizeAndTouchCard(db: Executor, ref: ChargerRef, { idTag, context }: CardCheck) {
  const authorization = await authorizeCard(db, { accountId: ref.accountId, idTag, context });
  if (authorization.card) {
    await db
      .update(cards)
      .set({ lastUsedAt: new Date(), lastUsedChargerId: ref.chargerId })
      .where(eq(cards.id, authorization.card.id));
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
