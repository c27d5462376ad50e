import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, cards, chargers, memberships, transactions, users, type MemberRole } from '../../db/schema';
import { blockCardsOfUser } from './cards';
import { revokeInvitesSentBy } from './invites';
import { canManageAccount, NO_LIMITS, type GuestLimits } from '../people/roles';
import { hasCurrentAccess } from './member-access';
import { hasSecondFactorSql, twoFactorMissingSql } from './two-factor';
import { done, failure, type Result } from './result';
import { queueMemberChange } from './notification-queue';

type Scope = { accountId: string };
type MemberScope = Scope & { userId: string };

// twoFactorMissing: the account requires two-factor and this user has not set any up (lib/authz.ts keeps them out).
export type Membership = { userId: string; accountId: string; role: MemberRole; twoFactorMissing: boolean };

const membershipColumns = {
  userId: memberships.userId,
  accountId: memberships.accountId,
  role: memberships.role,
  twoFactorMissing: twoFactorMissingSql(accounts.requireTwoFactor, memberships.userId),
};

export async function getMembershipRow(db: Executor, { userId, accountId }: MemberScope): Promise<Membership | null> {
  const [row] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId), hasCurrentAccess()));
  return row ?? null;
}

export async function isMember(db: Executor, scope: MemberScope): Promise<boolean> {
  return (await getMembershipRow(db, scope)) !== null;
}

// The account a user sees when they have not chosen one: their own, else the oldest they joined.
export async function getDefaultMembership(db: Executor, { userId }: { userId: string }): Promise<Membership | null> {
  const [row] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), hasCurrentAccess()))
    .orderBy(asc(memberships.role), asc(memberships.createdAt))
    .limit(1);
  return row ?? null;
}

export async function listMembershipsOfUser(db: Executor, { userId }: { userId: string }) {
  return db
    .select({
      accountId: accounts.id,
      accountName: accounts.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      twoFactorMissing: twoFactorMissingSql(accounts.requireTwoFactor, memberships.userId),
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, userId), hasCurrentAccess()))
    .orderBy(asc(memberships.createdAt));
}

export async function listMembers(db: Executor, { accountId }: Scope) {
  const monthStart = sql`date_trunc('month', now())`;
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      accessEndsAt: memberships.accessEndsAt,
      energyCapWh: memberships.energyCapWh,
      chargerIds: memberships.chargerIds,
      joinedAt: memberships.createdAt,
      hasTwoFactor: hasSecondFactorSql(users.id),
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

// The people a card can be linked to: members of the account.
export async function listAccountUsers(db: Executor, { accountId }: Scope) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(users.name), asc(users.email));
}

// Owners stay: the role in the WHERE makes removing an owner find nothing to remove (notRemovable); someone who is no
// member here (any more) is notFound. The person's cards here are blocked and the invitations they sent withdrawn,
// with the membership.
export async function removeMembership(db: Executor, { accountId, userId }: MemberScope): Promise<Result<null, 'notRemovable' | 'notFound'>> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId), ne(memberships.role, 'owner')))
      .returning({ userId: memberships.userId });
    if (removed.length === 0) return failure((await getMembershipRow(tx, { accountId, userId })) ? 'notRemovable' : 'notFound');
    await blockCardsOfUser(tx, { accountId, userId });
    await revokeInvitesSentBy(tx, { accountId, userId });
    await queueMemberChange(tx, { accountId, userId, kind: 'member-left' });
    return done;
  });
}


// An owner changes anyone's role but an owner's; only a guest keeps limits. The owner's role in the WHERE makes a
// change aimed at an owner find nothing. Someone who may no longer invite keeps no invitation they sent pending.
export async function setMemberRole(
  db: Executor,
  { accountId, userId, role, limits }: MemberScope & { role: Exclude<MemberRole, 'owner'>; limits: GuestLimits },
): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(memberships)
      .set({ role, ...(role === 'guest' ? limits : NO_LIMITS) })
      .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId), ne(memberships.role, 'owner')))
      .returning({ userId: memberships.userId });
    if (rows.length === 0) return failure('notFound');
    if (!canManageAccount(role)) await revokeInvitesSentBy(tx, { accountId, userId });
    return done;
  });
}

// Guests whose access has ended and who are still members: the guest sweep ends each membership.
export async function listEndedGuestAccess(db: Executor, { now = new Date() }: { now?: Date } = {}) {
  return db
    .select({ accountId: memberships.accountId, userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, 'guest'), lte(memberships.accessEndsAt, now)))
    .limit(500);
}
