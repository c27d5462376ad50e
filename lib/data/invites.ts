import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts, invites, memberships, users } from '@/db/schema';
import { hashToken } from '@/domain/crypto/token';
import { db } from '@/lib/db';

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

export async function getInviteByToken(token: string) {
  const inviter = alias(users, 'inviter');
  const [row] = await db()
    .select({
      id: invites.id,
      accountId: invites.accountId,
      accountName: accounts.name,
      invitedUserId: invites.invitedUserId,
      inviterName: inviter.name,
      status: invites.status,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(eq(invites.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function listInvitesForUser(userId: string) {
  const inviter = alias(users, 'inviter');
  return db()
    .select({ id: invites.id, accountName: accounts.name, inviterName: inviter.name, sentAt: invites.sentAt, expiresAt: invites.expiresAt })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(and(eq(invites.invitedUserId, userId), eq(invites.status, 'pending')))
    .orderBy(desc(invites.sentAt));
}

// Accepting is one transaction: the invite flips from pending exactly once, and the membership appears with it.
export async function acceptPendingInvite({ inviteId, userId }: { inviteId: string; userId: string }): Promise<string | null> {
  return db().transaction(async (tx) => {
    const [invite] = await tx
      .update(invites)
      .set({ status: 'accepted', respondedAt: new Date() })
      .where(
        and(eq(invites.id, inviteId), eq(invites.invitedUserId, userId), eq(invites.status, 'pending'), gt(invites.expiresAt, new Date())),
      )
      .returning({ accountId: invites.accountId });
    if (!invite) return null;
    await tx.insert(memberships).values({ accountId: invite.accountId, userId, role: 'member' }).onConflictDoNothing();
    return invite.accountId;
  });
}

export async function declinePendingInvite({ inviteId, userId }: { inviteId: string; userId: string }): Promise<boolean> {
  const rows = await db()
    .update(invites)
    .set({ status: 'declined', respondedAt: new Date() })
    .where(and(eq(invites.id, inviteId), eq(invites.invitedUserId, userId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return rows.length > 0;
}

export async function revokePendingInvite({ accountId, inviteId }: { accountId: string; inviteId: string }): Promise<boolean> {
  const rows = await db()
    .update(invites)
    .set({ status: 'revoked', respondedAt: new Date() })
    .where(and(eq(invites.id, inviteId), eq(invites.accountId, accountId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return rows.length > 0;
}
