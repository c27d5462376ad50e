import type { Executor } from '../../db/client';
import { getCardByIdTag, type CardForAuthorization } from '../data/cards';

// OCPP 1.6 §7.2 AuthorizationStatus, minus ConcurrentTx which this platform does not issue.
export type CardAuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';

// `charger`: the tag was presented at the charger (RFID); `remoteStart`: the app asked for a start on the user's behalf.
export type AuthorizationContext = 'charger' | 'remoteStart';

export type CardAuthorization = {
  status: CardAuthorizationStatus;
  expiresAt: Date | null;
  card: { id: string; userId: string | null } | null;
};

type AuthorizeCardInput = { accountId: string; idTag: string; context: AuthorizationContext; now?: Date };

export async function authorizeCard(db: Executor, { accountId, idTag, context, now = new Date() }: AuthorizeCardInput) {
  return decide(await getCardByIdTag(db, { accountId, idTag }), context, now);
}

export function decide(row: CardForAuthorization | null, context: AuthorizationContext, now: Date): CardAuthorization {
  const invalid: CardAuthorization = { status: 'Invalid', expiresAt: null, card: null };
  if (!row) return invalid;
  const card = { id: row.id, userId: row.userId };
  // A virtual card's tag is only a handle for app-initiated sessions; someone typing it into a charger is not its holder.
  if (row.kind === 'virtual' && context !== 'remoteStart') return { ...invalid, card };
  if (row.userId && !row.memberUserId) return { ...invalid, card };
  if (row.status === 'blocked') return { status: 'Blocked', expiresAt: row.expiresAt, card };
  if (row.expiresAt && row.expiresAt <= now) return { status: 'Expired', expiresAt: row.expiresAt, card };
  return { status: 'Accepted', expiresAt: row.expiresAt, card };
}
