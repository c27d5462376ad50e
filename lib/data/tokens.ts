import 'server-only';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { tokens, type TokenPurpose } from '@/db/schema';
import type { Executor } from '@/db/client';
import { hashToken, newToken } from '@/domain/crypto/token';
import { db } from '@/lib/db';

export const TOKEN_TTL_MS = { activate: 24 * 3600_000, reset: 3600_000, invite: 7 * 24 * 3600_000 } as const;

type TokenScope = { userId: string; purpose: TokenPurpose };

// Sends the e-mail carrying a token. Once it has gone out, the user's earlier unused links of the same purpose
// are retired; should it not go out, the new token is withdrawn instead (nobody holds it, and it must not count
// as a recent request that holds back the next one), the link from the last e-mail still works, and the error
// goes on.
export async function sendOrWithdraw(token: string, { userId, purpose }: TokenScope, send: () => Promise<void>) {
  const tokenHash = hashToken(token);
  try {
    await send();
  } catch (error) {
    await db().delete(tokens).where(eq(tokens.tokenHash, tokenHash));
    throw error;
  }
  await db()
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt), ne(tokens.tokenHash, tokenHash)));
}

export async function issueToken(tx: Executor, { userId, purpose }: TokenScope, now = new Date()): Promise<string> {
  const { token, tokenHash } = newToken();
  await tx.insert(tokens).values({ userId, purpose, tokenHash, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) });
  return token;
}

export type TokenCheck = { status: 'valid'; userId: string } | { status: 'invalid' | 'expired' | 'used' };

export async function checkToken(token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const [row] = await db()
    .select({ userId: tokens.userId, expiresAt: tokens.expiresAt, usedAt: tokens.usedAt })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, hashToken(token)), eq(tokens.purpose, purpose)));
  if (!row?.userId) return { status: 'invalid' };
  if (row.usedAt) return { status: 'used' };
  if (row.expiresAt <= new Date()) return { status: 'expired' };
  return { status: 'valid', userId: row.userId };
}

// Single use even under concurrent clicks: only one UPDATE can flip used_at.
export async function consumeToken(tx: Executor, token: string, purpose: TokenPurpose): Promise<TokenCheck> {
  const [row] = await tx
    .update(tokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(tokens.tokenHash, hashToken(token)),
        eq(tokens.purpose, purpose),
        isNull(tokens.usedAt),
        gt(tokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: tokens.userId });
  if (row?.userId) return { status: 'valid', userId: row.userId };
  return checkToken(token, purpose);
}

export async function lastTokenIssuedAt({ userId, purpose }: TokenScope): Promise<Date | null> {
  const [row] = await db()
    .select({ createdAt: tokens.createdAt })
    .from(tokens)
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose)))
    .orderBy(desc(tokens.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}
