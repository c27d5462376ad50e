import 'server-only';
import type { Database } from '@/db/client';
import { localListChanged } from '@/domain/cards/local-list';
import { removeMembership } from '@/domain/data/memberships';

// Removal or leaving: the membership goes, the person's cards here are blocked, and the account's chargers get
// those cards as Blocked in their local authorization list.
export async function endMembership(db: Database, { accountId, userId }: { accountId: string; userId: string; requestedBy: string }) {
  const removed = await removeMembership(db, { accountId, userId });
  if (removed.ok) await localListChanged(db, { accountId });
  return removed;
}
