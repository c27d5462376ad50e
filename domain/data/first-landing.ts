import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, invites, memberships } from '../../db/schema';

export type FirstLanding = { path: '/onboarding' | '/charge' | '/dashboard'; accountId?: string };

// Where a first login lands. The onboarding ("add your first charger") is for an owner setting up; someone who came to
// use another's chargers lands on Charge in the account they joined, or on the dashboard where their invitation waits.
export async function getFirstLanding(db: Executor, { userId }: { userId: string }): Promise<FirstLanding> {
  const [facts] = await db
    .select({
      ownsChargers: sql<boolean>`exists (select 1 from ${chargers} c join ${memberships} m on m.account_id = c.account_id
        where m.user_id = ${userId} and m.role = 'owner' and c.deleted_at is null)`,
      hasPendingInvite: sql<boolean>`exists (select 1 from ${invites} i where i.invited_user_id = ${userId} and i.status = 'pending')`,
    })
    .from(sql`(select 1) as one`);
  if (facts?.ownsChargers) return { path: '/dashboard' };
  const [joined] = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.role, 'owner')))
    .orderBy(desc(memberships.createdAt))
    .limit(1);
  if (joined) return { path: '/charge', accountId: joined.accountId };
  return { path: facts?.hasPendingInvite ? '/dashboard' : '/onboarding' };
}
