import type { Executor } from '../../db/client';
import { accountParentIdTag } from '../cards/household';
import { getCardByIdTag, type CardForAuthorization, type CardPlace } from '../data/cards';

// OCPP 1.6 §7.2 AuthorizationStatus; ConcurrentTx only where the account allows one session per card at a time.
export type CardAuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

// `charger`: the tag was presented at the charger (RFID); `remoteStart`: the app asked for a start on the user's behalf.
export type AuthorizationContext = 'charger' | 'remoteStart';

export type CardAuthorization = {
  status: CardAuthorizationStatus;
  expiresAt: Date | null;
  card: { id: string; userId: string | null } | null;
  // The account's, for every card it knows (household cards, domain/cards/household.ts).
  parentIdTag: string | null;
};

type AuthorizeCardInput = { accountId: string; idTag: string; context: AuthorizationContext; place?: CardPlace; now?: Date };

export async function authorizeCard(db: Executor, { accountId, idTag, context, place, now = new Date() }: AuthorizeCardInput) {
  return decide(await getCardByIdTag(db, { accountId, idTag, place }), context, now);
}

export function decide(row: CardForAuthorization | null, context: AuthorizationContext, now: Date): CardAuthorization {
  const invalid: CardAuthorization = { status: 'Invalid', expiresAt: null, card: null, parentIdTag: null };
  if (!row) return invalid;
  const card = { id: row.id, userId: row.userId };
  const known = { card, parentIdTag: accountParentIdTag(row.accountId) };
  // A virtual card's tag is only a handle for app-initiated sessions; someone typing it into a charger is not its holder.
  if (row.kind === 'virtual' && context !== 'remoteStart') return { ...invalid, card };
  if (row.userId && !row.memberUserId) return { ...invalid, card };
  if (row.status === 'blocked') return { status: 'Blocked', expiresAt: row.expiresAt, ...known };
  if (row.expiresAt && row.expiresAt <= now) return { status: 'Expired', expiresAt: row.expiresAt, ...known };
  if (row.isInOtherSession) return { status: 'ConcurrentTx', expiresAt: row.expiresAt, ...known };
  return { status: 'Accepted', expiresAt: row.expiresAt, ...known };
}
