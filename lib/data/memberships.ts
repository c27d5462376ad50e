import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { accounts, memberships } from '@/db/schema';
import { db } from '@/lib/db';

export async function listMembershipsOfUser(userId: string) {
  return db()
    .select({ accountId: accounts.id, accountName: accounts.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}
