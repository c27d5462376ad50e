import 'server-only';
import type { Executor } from '@/db/client';
import { acceptPendingInvite, declinePendingInvite, getInviteByToken } from '@/domain/data/invites';
import { failure, success, type Result } from '@/domain/data/result';

export type ValidInvite = { inviteId: string; accountId: string; accountName: string; inviterName: string | null };
export type InviteRefusal = 'invalid' | 'used' | 'expired' | 'revoked' | 'otherUser';

// What an invite link means for the logged-in user. An invite for someone else says only that,
// never whose it is, so the page reveals nothing about other people's accounts.
export async function checkInvite(db: Executor, { token, userId }: { token: string; userId: string }): Promise<Result<ValidInvite, InviteRefusal>> {
  const invite = token.length <= 200 ? await getInviteByToken(db, { token }) : null;
  if (!invite) return failure('invalid');
  if (invite.invitedUserId !== userId) return failure('otherUser');
  if (invite.status === 'revoked') return failure('revoked');
  if (invite.status !== 'pending') return failure('used');
  if (invite.expiresAt <= new Date()) return failure('expired');
  return success({ inviteId: invite.id, accountId: invite.accountId, accountName: invite.accountName, inviterName: invite.inviterName });
}

export async function acceptInvite(db: Executor, answer: { token: string; userId: string }): Promise<Result<{ accountId: string }, InviteRefusal>> {
  const check = await checkInvite(db, answer);
  if (!check.ok) return check;
  const accepted = await acceptPendingInvite(db, { inviteId: check.value.inviteId, userId: answer.userId });
  return accepted.ok ? accepted : failure('used');
}

export async function declineInvite(db: Executor, answer: { token: string; userId: string }): Promise<Result<null, InviteRefusal>> {
  const check = await checkInvite(db, answer);
  if (!check.ok) return check;
  const declined = await declinePendingInvite(db, { inviteId: check.value.inviteId, userId: answer.userId });
  return declined.ok ? declined : failure('used');
}
