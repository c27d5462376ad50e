import type { Executor } from '../../db/client';
import { memberships, type NewMembership } from '../../db/schema';
import { queueMemberChange } from './notification-queue';

// An invitee becomes a member once; the account's managers hear of it in the same transaction.
export async function joinAccount(tx: Executor, membership: NewMembership) {
  const joined = await tx.insert(memberships).values(membership).onConflictDoNothing().returning({ userId: memberships.userId });
  if (joined.length > 0) await queueMemberChange(tx, { accountId: membership.accountId, userId: membership.userId, kind: 'member-joined' });
}
