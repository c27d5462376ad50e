import 'server-only';
import { acceptPendingInvite, declinePendingInvite, getInviteByToken } from '@/lib/data/invites';

export type InviteCheck =
  | { status: 'valid'; inviteId: string; accountId: string; accountName: string; inviterName: string | null }
  | { status: 'invalid' | 'used' | 'expired' | 'revoked' | 'otherUser' };

// What an invite link means for the logged-in user. An invite for someone else says only that,
// never whose it is, so the page reveals nothing about other people's accounts.
export async function checkInvite(token: string, userId: string): Promise<InviteCheck> {
  const invite = token.length <= 200 ? await getInviteByToken(token) : null;
  if (!invite) return { status: 'invalid' };
  if (invite.invitedUserId !== userId) return { status: 'otherUser' };
  if (invite.status === 'revoked') return { status: 'revoked' };
  if (invite.status !== 'pending') return { status: 'used' };
  if (invite.expiresAt <= new Date()) return { status: 'expired' };
  return { status: 'valid', inviteId: invite.id, accountId: invite.accountId, accountName: invite.accountName, inviterName: invite.inviterName };
}

export async function acceptInvite({ token, userId }: { token: string; userId: string }) {
  const check = await checkInvite(token, userId);
  if (check.status !== 'valid') return check;
  const accountId = await acceptPendingInvite({ inviteId: check.inviteId, userId });
  return accountId ? { status: 'accepted' as const, accountId } : { status: 'used' as const };
}

export async function declineInvite({ token, userId }: { token: string; userId: string }) {
  const check = await checkInvite(token, userId);
  if (check.status !== 'valid') return check;
  return (await declinePendingInvite({ inviteId: check.inviteId, userId })) ? { status: 'declined' as const } : { status: 'used' as const };
}
