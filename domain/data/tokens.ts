import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { tokens, type TokenPurpose } from '../../db/schema';
import { hashToken, newToken } from '../crypto/token';
import { done, failure, success, type Result } from './result';

export const TOKEN_TTL_MS = { activate: 24 * 3600_000, reset: 3600_000, invite: 7 * 24 * 3600_000 } as const;

type TokenScope = { userId: string; purpose: TokenPurpose };
type TokenClaim = { token: string; purpose: TokenPurpose };
export type TokenRefusal = 'invalid' | 'expired' | 'used';

export async function issueToken(db: Executor, { userId, purpose }: TokenScope, now = new Date()): Promise<Result<{ token: string }>> {
  const { token, tokenHash } = newToken();
  await db.insert(tokens).values({ userId, purpose, tokenHash, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) });
  return success({ token });
}

// A token nobody received (its e-mail did not go out): gone, so it does not count as a recent request either.
export async function withdrawToken(db: Executor, { token }: { token: string }): Promise<Result> {
  await db.delete(tokens).where(eq(tokens.tokenHash, hashToken(token)));
  return done;
}

// The user's earlier unused links of the same purpose stop working once a newer one has gone out.
export async function retireOtherTokens(db: Executor, { userId, purpose, token }: TokenScope & { token: string }): Promise<Result> {
  await db
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt), ne(tokens.tokenHash, hashToken(token))));
  return done;
}

export async function checkToken(db: Executor, { token, purpose }: TokenClaim): Promise<Result<{ userId: string }, TokenRefusal>> {
  const [row] = await db
    .select({ userId: tokens.userId, expiresAt: tokens.expiresAt, usedAt: tokens.usedAt })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, hashToken(token)), eq(tokens.purpose, purpose)));
  if (!row?.userId) return failure('invalid');
  if (row.usedAt) return failure('used');
  if (row.expiresAt <= new Date()) return failure('expired');
  return success({ userId: row.userId });
}

// Single use even under concurrent clicks: only one UPDATE can flip used_at.
export async function consumeToken(db: Executor, claim: TokenClaim): Promise<Result<{ userId: string }, TokenRefusal>> {
  const [row] = await db
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.tokenHash, hashToken(claim.token)), eq(tokens.purpose, claim.purpose), isNull(tokens.usedAt), gt(tokens.expiresAt, new Date())))
    .returning({ userId: tokens.userId });
  if (row?.userId) return success({ userId: row.userId });
  return checkToken(db, claim);
}

export async function getLastTokenIssuedAt(db: Executor, { userId, purpose }: TokenScope): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: tokens.createdAt })
    .from(tokens)
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose)))
    .orderBy(desc(tokens.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}
