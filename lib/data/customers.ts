import 'server-only';
import { and, asc, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cards, chargers, invites, memberships, transactions, users } from '@/db/schema';
import type { Executor } from '@/db/client';
import { db } from '@/lib/db';

type Scope = { accountId: string };

export async function listMembers({ accountId }: Scope) {
  const monthStart = sql`date_trunc('month', now())`;
  return db()
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      cardCount: sql<number>`(select count(*)::int from ${cards} c
        where c.account_id = ${accountId} and c.user_id = ${users.id} and c.deleted_at is null)`,
      sessionsThisMonth: sql<number>`(select count(*)::int from ${transactions} t join ${chargers} ch on ch.id = t.charger_id
        where ch.account_id = ${accountId} and t.user_id = ${users.id} and t.started_at >= ${monthStart})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.role), asc(memberships.createdAt));
}

export async function listPendingInvites({ accountId }: Scope) {
  const inviter = alias(users, 'inviter');
  const invitee = alias(users, 'invitee');
  return db()
    .select({
      id: invites.id,
      email: invites.email,
      inviteeName: invitee.name,
      inviterName: inviter.name,
      sentAt: invites.sentAt,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(invitee, eq(invitee.id, invites.invitedUserId))
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(and(eq(invites.accountId, accountId), eq(invites.status, 'pending')))
    .orderBy(desc(invites.sentAt));
}

export async function countInvitesSince({ accountId, since }: Scope & { since: Date }) {
  const [row] = await db()
    .select({ value: count() })
    .from(invites)
    .where(and(eq(invites.accountId, accountId), gte(invites.sentAt, since)));
  return row?.value ?? 0;
}

export async function isMember({ accountId, userId }: Scope & { userId: string }) {
  const [row] = await db()
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
  return Boolean(row);
}

// Blocks the member's cards in this account, so they cannot start charging there any more.
export async function blockCardsOfUser(tx: Executor, { accountId, userId }: Scope & { userId: string }) {
  await tx
    .update(cards)
    .set({ status: 'blocked' })
    .where(and(eq(cards.accountId, accountId), eq(cards.userId, userId), isNull(cards.deletedAt)));
}

// Owners stay: the role in the WHERE makes removing an owner a no-op that reports false.
export async function removeMembership({ accountId, userId }: Scope & { userId: string }): Promise<boolean> {
  return db().transaction(async (tx) => {
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId), eq(memberships.role, 'member')))
      .returning({ userId: memberships.userId });
    if (removed.length === 0) return false;
    await blockCardsOfUser(tx, { accountId, userId });
    return true;
  });
}
