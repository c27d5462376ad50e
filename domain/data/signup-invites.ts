import { and, eq, gt, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { invites, users } from '../../db/schema';
import { grantedMembership, senderIsMember } from './invites';
import { done, failure, success, type Result } from './result';
import { joinAccount } from './join-account';

// Registering from a sign-up invitation: the new user becomes its invitee and joins in the same statement, once, while
// it is pending, unexpired and its sender still a member (as acceptPendingInvite). The caller's transaction creates the
// user, so a refusal here takes the registration back with it.
export async function joinBySignUpInvite(db: Executor, { inviteId, userId }: { inviteId: string; userId: string }): Promise<Result<{ accountId: string }, 'notFound'>> {
  const [invite] = await db
    .update(invites)
    .set({ invitedUserId: userId, status: 'accepted', respondedAt: new Date() })
    .where(and(eq(invites.id, inviteId), isNull(invites.invitedUserId), eq(invites.status, 'pending'), gt(invites.expiresAt, new Date()), senderIsMember(db)))
    .returning(grantedMembership);
  if (!invite) return failure('notFound');
  await joinAccount(db, { ...invite, userId });
  return success({ accountId: invite.accountId });
}

// Someone invited before they had an account who registered without the link: once their address is proven, the
// waiting sign-up invitations to it become theirs, to accept or decline like any other (but where the same account has
// meanwhile invited them by their account: that one stands).
export async function claimSignUpInvites(db: Executor, { userId }: { userId: string }): Promise<Result> {
  const mine = alias(invites, 'mine');
  const alreadyInvited = db
    .select({ one: sql`1` })
    .from(mine)
    .where(and(eq(mine.accountId, invites.accountId), eq(mine.invitedUserId, userId), eq(mine.status, 'pending')));
  await db
    .update(invites)
    .set({ invitedUserId: userId })
    .where(
      and(
        isNull(invites.invitedUserId),
        eq(invites.status, 'pending'),
        eq(invites.email, sql`(select lower(${users.email}) from ${users} where ${users.id} = ${userId})`),
        notExists(alreadyInvited),
      ),
    );
  return done;
}
