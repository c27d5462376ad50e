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
  // Its sender left or was removed: the invitation went with them.
  if (!invite.isSenderMember) return failure('revoked');
  if (invite.expiresAt <= new Date()) return failure('expired');
  return success({ inviteId: invite.id, accountId: invite.accountId, accountName: invite.accountName, inviterName: invite.inviterName });
}

// The check above only tells the user why; acceptPendingInvite decides, in its transaction. Should it refuse what the
// check let through (answered meanwhile, revoked, or its sender removed at that moment), the check says why now.
export async function acceptInvite(db: Executor, answer: { token: string; userId: string }): Promise<Result<{ accountId: string }, InviteRefusal>> {
  const check = await checkInvite(db, answer);
  if (!check.ok) return check;
  const accepted = await acceptPendingInvite(db, { inviteId: check.value.inviteId, userId: answer.userId });
  if (accepted.ok) return accepted;
  const now = await checkInvite(db, answer);
  return now.ok ? failure('used') : now;
}

export async function declineInvite(db: Executor, answer: { token: string; userId: string }): Promise<Result<null, InviteRefusal>> {
  const check = await checkInvite(db, answer);
  if (!check.ok) return check;
  const declined = await declinePendingInvite(db, { inviteId: check.value.inviteId, userId: answer.userId });
  return declined.ok ? declined : failure('used');
}
