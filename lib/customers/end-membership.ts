import 'server-only';
import { resendLocalListIfSynced } from '@/domain/cards/local-list';
import { removeMembership } from '@/lib/data/customers';
import { db } from '@/lib/db';

// Removal or leaving: the membership goes, the person's cards here are blocked, and chargers holding
// the account's local authorization list get it again without those cards.
export async function endMembership({ accountId, userId, requestedBy }: { accountId: string; userId: string; requestedBy: string }) {
  const isRemoved = await removeMembership({ accountId, userId });
  if (isRemoved) await resendLocalListIfSynced(db(), { accountId, requestedBy });
  return isRemoved;
}
