import { and, desc, eq, exists, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { accounts, invites, memberships, users } from '../../db/schema';
import { hashToken } from '../crypto/token';
import { NO_LIMITS, type GrantedRole, type GuestLimits } from '../people/roles';
import { isUniqueViolation } from './db-errors';
import { done, failure, success, type Result } from './result';
import { joinAccount } from './join-account';

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

type Scope = { accountId: string };
type Answer = { inviteId: string; userId: string };

// An invitation speaks for the member who sent it, and only while they belong to its account.
export const senderIsMember = (db: Executor) =>
  exists(db.select({ one: sql`1` }).from(memberships).where(and(eq(memberships.accountId, invites.accountId), eq(memberships.userId, invites.invitedBy))));

export async function getInviteByToken(db: Executor, { token }: { token: string }) {
  const inviter = alias(users, 'inviter');
  const [row] = await db
    .select({
      id: invites.id,
      accountId: invites.accountId,
      accountName: accounts.name,
      email: invites.email,
      invitedUserId: invites.invitedUserId,
      inviterName: inviter.name,
      status: invites.status,
      expiresAt: invites.expiresAt,
      isSenderMember: sql<boolean>`${senderIsMember(db)}`,
    })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(eq(invites.tokenHash, hashToken(token)));
  return row ?? null;
}

// Who an invite goes to, for its e-mail: a registered user, or (a sign-up invitation) only an address, with no name or
// language yet.
export async function getInvitee(db: Executor, { inviteId }: { inviteId: string }) {
  const [invitee] = await db
    .select({ email: invites.email, name: users.name, locale: users.locale, role: invites.role, accessEndsAt: invites.accessEndsAt })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.invitedUserId))
    .where(eq(invites.id, inviteId));
  return invitee ?? null;
}

export async function listInvitesForUser(db: Executor, { userId }: { userId: string }) {
  const inviter = alias(users, 'inviter');
  return db
    .select({ id: invites.id, accountName: accounts.name, inviterName: inviter.name, sentAt: invites.sentAt, expiresAt: invites.expiresAt })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(and(eq(invites.invitedUserId, userId), eq(invites.status, 'pending')))
    .orderBy(desc(invites.sentAt));
}

export async function listPendingInvites(db: Executor, { accountId }: Scope) {
  const inviter = alias(users, 'inviter');
  // Only the address, never the invitee's name: a sign-up invitation has none, so a name would tell the inviter who
  // has an account.
  return db
    .select({ id: invites.id, email: invites.email, inviterName: inviter.name, sentAt: invites.sentAt, expiresAt: invites.expiresAt })
    .from(invites)
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
    .where(and(eq(invites.accountId, accountId), eq(invites.status, 'pending')))
    .orderBy(desc(invites.sentAt));
}

// The role an invitation grants, with a guest's limits; accepting it makes the membership with exactly these.
export type Grant = { role: GrantedRole; limits: GuestLimits };

const grantColumns = ({ role, limits }: Grant) => ({ role, ...(role === 'guest' ? limits : NO_LIMITS) });

export const grantedMembership = {
  accountId: invites.accountId,
  role: invites.role,
  accessEndsAt: invites.accessEndsAt,
  energyCapWh: invites.energyCapWh,
  chargerIds: invites.chargerIds,
};

type NewInvite = Scope & { invitedUserId: string | null; email: string; invitedBy: string; tokenHash: string; grant: Grant };

// One pending invite per person (or, for a sign-up invitation, per address) and account (unique indexes): a second one
// is "already invited".
export async function createInvite(db: Executor, invite: NewInvite): Promise<Result<{ inviteId: string }, 'alreadyInvited'>> {
  try {
    const [row] = await db
      .insert(invites)
      .values({ ...grantColumns(invite.grant), ...invite, expiresAt: new Date(Date.now() + INVITE_TTL_MS) })
      .returning({ id: invites.id });
    return success({ inviteId: row!.id });
  } catch (error) {
    if (isUniqueViolation(error)) return failure('alreadyInvited');
    throw error;
  }
}

// A new link for a pending invite: the old one stops working and the seven days start again.
export async function renewInvite(db: Executor, { accountId, inviteId, tokenHash, invitedBy }: Scope & { inviteId: string; tokenHash: string; invitedBy: string }): Promise<Result<null, 'notFound'>> {
  const now = new Date();
  const rows = await db
    .update(invites)
    .set({ tokenHash, sentAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), invitedBy })
    .where(and(eq(invites.id, inviteId), eq(invites.accountId, accountId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return rows.length > 0 ? done : failure('notFound');
}

// Accepting is one transaction: the invite flips from pending exactly once, and the membership appears with it. Its
// sender must be a member at that moment, checked in the same statement: a removal of the sender revokes the invite
// (revokeInvitesSentBy) in its own transaction, so one of the two writes the row first and the other sees it.
export async function acceptPendingInvite(db: Executor, { inviteId, userId }: Answer): Promise<Result<{ accountId: string }, 'notFound'>> {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .update(invites)
      .set({ status: 'accepted', respondedAt: new Date() })
      .where(and(eq(invites.id, inviteId), eq(invites.invitedUserId, userId), eq(invites.status, 'pending'), gt(invites.expiresAt, new Date()), senderIsMember(tx)))
      .returning(grantedMembership);
    if (!invite) return failure('notFound');
    await joinAccount(tx, { ...invite, userId });
    return success({ accountId: invite.accountId });
  });
}

export async function declinePendingInvite(db: Executor, { inviteId, userId }: Answer): Promise<Result<null, 'notFound'>> {
  const rows = await db
    .update(invites)
    .set({ status: 'declined', respondedAt: new Date() })
    .where(and(eq(invites.id, inviteId), eq(invites.invitedUserId, userId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return rows.length > 0 ? done : failure('notFound');
}

export async function revokePendingInvite(db: Executor, { accountId, inviteId }: Scope & { inviteId: string }): Promise<Result<null, 'notFound'>> {
  const rows = await db
    .update(invites)
    .set({ status: 'revoked', respondedAt: new Date() })
    .where(and(eq(invites.id, inviteId), eq(invites.accountId, accountId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  return rows.length > 0 ? done : failure('notFound');
}

// A member who leaves or is removed takes back the invitations they sent that are still waiting.
export async function revokeInvitesSentBy(db: Executor, { accountId, userId }: Scope & { userId: string }): Promise<Result> {
  await db
    .update(invites)
    .set({ status: 'revoked', respondedAt: new Date() })
    .where(and(eq(invites.accountId, accountId), eq(invites.invitedBy, userId), eq(invites.status, 'pending')));
  return done;
}
