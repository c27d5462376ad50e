import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { accounts, memberships, users, type Locale, type User } from '@/db/schema';
import type { Executor } from '@/db/client';
import { db } from '@/lib/db';

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  emailVerifiedAt: users.emailVerifiedAt,
  sessionVersion: users.sessionVersion,
  createdAt: users.createdAt,
};
export type PublicUser = Pick<User, keyof typeof publicColumns>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const byEmail = (email: string) => eq(sql`lower(${users.email})`, normalizeEmail(email));

export async function getUserById(id: string): Promise<PublicUser | null> {
  const [user] = await db().select(publicColumns).from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function getUserByEmail(email: string): Promise<PublicUser | null> {
  const [user] = await db().select(publicColumns).from(users).where(byEmail(email));
  return user ?? null;
}

export async function getCredentials(email: string) {
  const [user] = await db()
    .select({ id: users.id, passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(byEmail(email));
  return user ?? null;
}

type NewOwner = { name: string; email: string; passwordHash: string; locale: Locale };

// The user, their own platform account and the owner membership exist together or not at all.
export async function createUserWithAccount(tx: Executor, owner: NewOwner) {
  const [user] = await tx
    .insert(users)
    .values({ ...owner, email: normalizeEmail(owner.email) })
    .returning({ id: users.id });
  const [account] = await tx.insert(accounts).values({ name: owner.name }).returning({ id: accounts.id });
  await tx.insert(memberships).values({ accountId: account!.id, userId: user!.id, role: 'owner' });
  return { userId: user!.id, accountId: account!.id };
}

// Takes back a registration whose activation e-mail could not be sent, so the address can register
// again; only while it is unactivated, and its account goes with it (memberships and tokens cascade).
export async function removeUnactivatedRegistration({ userId, accountId }: { userId: string; accountId: string }) {
  await db().transaction(async (tx) => {
    const removed = await tx
      .delete(users)
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
      .returning({ id: users.id });
    if (removed.length > 0) await tx.delete(accounts).where(eq(accounts.id, accountId));
  });
}

export async function markEmailVerified(tx: Executor, userId: string) {
  await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, userId));
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const [user] = await db().select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return Boolean(user?.at);
}

// Returns true when this was the user's first login ever.
export async function recordLogin(userId: string): Promise<boolean> {
  const [before] = await db()
    .select({ lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(eq(users.id, userId));
  await db().update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  return !before?.lastLoginAt;
}

export async function updateUserName({ userId, name }: { userId: string; name: string }) {
  await db().update(users).set({ name }).where(eq(users.id, userId));
}

export async function updateUserLocale({ userId, locale }: { userId: string; locale: Locale }) {
  await db().update(users).set({ locale }).where(eq(users.id, userId));
}

// A new session version signs every other session out.
export async function updatePasswordHash(tx: Executor, { userId, passwordHash }: { userId: string; passwordHash: string }) {
  const [user] = await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`gen_random_uuid()::text` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return user?.sessionVersion ?? null;
}

export async function getPasswordHash(userId: string) {
  const [user] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return user?.passwordHash ?? null;
}

export async function getUnverifiedUserByEmail(email: string) {
  const [user] = await db()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(byEmail(email), isNull(users.emailVerifiedAt)));
  return user ?? null;
}
