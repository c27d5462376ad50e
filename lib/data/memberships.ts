import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { accounts, memberships, type MemberRole } from '@/db/schema';
import { db } from '@/lib/db';

export type Membership = { userId: string; accountId: string; role: MemberRole };

export async function getMembershipRow({ userId, accountId }: { userId: string; accountId: string }): Promise<Membership | null> {
  const [row] = await db()
    .select({ userId: memberships.userId, accountId: memberships.accountId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId)));
  return row ?? null;
}

// The account a user sees when they have not chosen one: their own, else the oldest they joined.
export async function getDefaultMembership(userId: string): Promise<Membership | null> {
  const [row] = await db()
    .select({ userId: memberships.userId, accountId: memberships.accountId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.role), asc(memberships.createdAt))
    .limit(1);
  return row ?? null;
}

export async function listMembershipsOfUser(userId: string) {
  return db()
    .select({ accountId: accounts.id, accountName: accounts.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}
