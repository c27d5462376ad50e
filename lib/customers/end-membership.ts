import 'server-only';
import type { Database } from '@/db/client';
import { resendLocalListIfSynced } from '@/domain/cards/local-list';
import { removeMembership } from '@/domain/data/memberships';

// Removal or leaving: the membership goes, the person's cards here are blocked, and chargers holding
// the account's local authorization list get it again without those cards.
export async function endMembership(db: Database, { accountId, userId, requestedBy }: { accountId: string; userId: string; requestedBy: string }) {
  const removed = await removeMembership(db, { accountId, userId });
  if (removed.ok) await resendLocalListIfSynced(db, { accountId, requestedBy });
  return removed;
}
