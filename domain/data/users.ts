import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, memberships, userSessions, users, type Locale, type User } from '../../db/schema';
import { isUniqueViolation } from './db-errors';
import { done, failure, success, type Result } from './result';

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  emailVerifiedAt: users.emailVerifiedAt,
  createdAt: users.createdAt,
};
export type PublicUser = Pick<User, keyof typeof publicUserColumns>;

type UserScope = { userId: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const byEmail = (email: string) => eq(sql`lower(${users.email})`, normalizeEmail(email));

export async function getUserById(db: Executor, { userId }: UserScope): Promise<PublicUser | null> {
  const [user] = await db.select(publicUserColumns).from(users).where(eq(users.id, userId));
  return user ?? null;
}

export async function getUserByEmail(db: Executor, { email }: { email: string }): Promise<PublicUser | null> {
  const [user] = await db.select(publicUserColumns).from(users).where(byEmail(email));
  return user ?? null;
}

export async function getUnverifiedUserByEmail(db: Executor, { email }: { email: string }) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(byEmail(email), isNull(users.emailVerifiedAt)));
  return user ?? null;
}

export async function getCredentials(db: Executor, { email }: { email: string }) {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(byEmail(email));
  return user ?? null;
}

export async function getPasswordHash(db: Executor, { userId }: UserScope): Promise<string | null> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return user?.passwordHash ?? null;
}

export async function getAccountName(db: Executor, { accountId }: { accountId: string }): Promise<string | null> {
  const [account] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return account?.name ?? null;
}

// The account's name as its members see it (header, switcher, invitations); it starts as the owner's name.
export async function renameAccount(db: Executor, { accountId, name }: { accountId: string; name: string }) {
  await db.update(accounts).set({ name }).where(eq(accounts.id, accountId));
}

// emailVerifiedAt: set when the address is already proven (a sign-up invitation's link).
type NewOwner = { name: string; email: string; passwordHash: string; locale: Locale; emailVerifiedAt?: Date };

// The user, their own platform account and the owner membership exist together or not at all (a
// savepoint when called inside a transaction, so a taken address leaves the caller's transaction usable).
export async function createUserWithAccount(db: Executor, owner: NewOwner): Promise<Result<{ userId: string; accountId: string }, 'emailTaken'>> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ ...owner, email: normalizeEmail(owner.email) })
        .returning({ id: users.id });
      const [account] = await tx.insert(accounts).values({ name: owner.name }).returning({ id: accounts.id });
      await tx.insert(memberships).values({ accountId: account!.id, userId: user!.id, role: 'owner' });
      return success({ userId: user!.id, accountId: account!.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return failure('emailTaken');
    throw error;
  }
}

// Takes back a registration whose activation e-mail could not be sent, so the address can register
// again; only while it is unactivated, and its account goes with it (memberships and tokens cascade).
export async function removeUnactivatedRegistration(db: Executor, { userId, accountId }: UserScope & { accountId: string }): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(users)
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
      .returning({ id: users.id });
    if (removed.length === 0) return failure('notFound');
    await tx.delete(accounts).where(eq(accounts.id, accountId));
    return done;
  });
}

export async function markEmailVerified(db: Executor, { userId }: UserScope): Promise<Result> {
  await db.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, userId));
  return done;
}

// Tells whether this was the user's first login ever.
export async function recordLogin(db: Executor, { userId }: UserScope): Promise<Result<{ isFirstLogin: boolean }>> {
  const [before] = await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, userId));
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  return success({ isFirstLogin: !before?.lastLoginAt });
}

export async function updateUserName(db: Executor, { userId, name }: UserScope & { name: string }): Promise<Result> {
  await db.update(users).set({ name }).where(eq(users.id, userId));
  return done;
}

export async function updateUserLocale(db: Executor, { userId, locale }: UserScope & { locale: Locale }): Promise<Result> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
  return done;
}

// A new password ends every session of the user (user_sessions); the caller starts a fresh one where it should go on.
export async function updatePasswordHash(db: Executor, { userId, passwordHash }: UserScope & { passwordHash: string }): Promise<Result<null, 'notFound'>> {
  return db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ id: users.id });
    if (updated.length === 0) return failure('notFound');
    await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    return done;
  });
}
