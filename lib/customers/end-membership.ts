import 'server-only';
import type { Database } from '@/db/client';
import { localListChanged } from '@/domain/cards/local-list';
import { removeMembership } from '@/domain/data/memberships';
import { withdrawReservationsOfMember } from '@/domain/reservations/withdraw';

// Removal or leaving: the membership goes, the person's cards here are blocked, the account's chargers get those
// cards as Blocked in their local authorization list, and the connectors the person had reserved are released.
export async function endMembership(db: Database, { accountId, userId, requestedBy }: { accountId: string; userId: string; requestedBy: string }) {
  const removed = await removeMembership(db, { accountId, userId });
  if (!removed.ok) return removed;
  await localListChanged(db, { accountId });
  await withdrawReservationsOfMember(db, { accountId, userId, requestedBy });
  return removed;
}
