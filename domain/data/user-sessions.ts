import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { userSessions, users } from '../../db/schema';
import { newToken, hashToken } from '../crypto/token';
import { done, success, type Result } from './result';
import { publicUserColumns, type PublicUser } from './users';

// A session lasts this long from its login, however often it is used; the cookie's JWT is given the same age.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export type SessionUser = PublicUser & { sessionId: string };

// The database's clock alone says when a session began and ends.
const now = sql`now()`;

// The token goes into the cookie's (encrypted) JWT only; the row keeps its sha-256. Rows past their age are
// deleted here, at any login, so that they do not pile up.
export async function startUserSession(db: Executor, { userId }: { userId: string }): Promise<Result<{ token: string }>> {
  const { token, tokenHash } = newToken();
  await db.delete(userSessions).where(lte(userSessions.expiresAt, now));
  await db.insert(userSessions).values({ userId, tokenHash, expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})` });
  return success({ token });
}

// The user the cookie's session belongs to, while its row lasts.
export async function getUserOfSession(db: Executor, { userId, token }: { userId: string; token: string }): Promise<SessionUser | null> {
  const [row] = await db
    .select({ ...publicUserColumns, sessionId: userSessions.id })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.tokenHash, hashToken(token)), eq(userSessions.userId, userId), gt(userSessions.expiresAt, now)));
  return row ?? null;
}

export async function getActiveSession(db: Executor, { sessionId }: { sessionId: string }): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), gt(userSessions.expiresAt, now)));
  return row ?? null;
}

export async function endUserSession(db: Executor, { token }: { token: string }): Promise<Result> {
  await db.delete(userSessions).where(eq(userSessions.tokenHash, hashToken(token)));
  return done;
}

export async function endAllUserSessions(db: Executor, { userId }: { userId: string }): Promise<Result> {
  await db.delete(userSessions).where(eq(userSessions.userId, userId));
  return done;
}
