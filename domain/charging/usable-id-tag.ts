import type { Executor } from '../../db/client';
import { getUserCard } from '../data/cards';
import { failure, success, type Result } from '../data/result';
import { authorizeCard } from './authorize-card';

// The idTag of one of the user's own cards in the account, if it may charge now (a virtual card included: the
// platform sends it to the charger itself).
export async function usableIdTag(db: Executor, scope: { userId: string; accountId: string; cardId: string }): Promise<Result<string, 'noValidCard' | 'cardInUse'>> {
  const card = await getUserCard(db, scope);
  if (!card) return failure('noValidCard');
  const authorization = await authorizeCard(db, { accountId: scope.accountId, idTag: card.idTag, context: 'remoteStart' });
  if (authorization.status === 'ConcurrentTx') return failure('cardInUse');
  return authorization.status === 'Accepted' ? success(card.idTag) : failure('noValidCard');
}
