import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { hashToken } from '../crypto/token';
import { done, failure, type Result } from './result';

type Scope = { accountId: string };

// A prefix that says what the secret is (to a person, and to secret scanners), then 256 random bits.
const TOKEN_PREFIX = 'cwfeed_';
// Where a token was last used is shown to the owner; writing it at every reading would double the feed's writes.
const LAST_USED_EVERY = sql`interval '1 minute'`;

export async function createApiToken(db: Executor, { accountId, name, createdBy }: Scope & { name: string; createdBy: string }) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db.insert(apiTokens).values({ accountId, name, tokenHash: hashToken(token), createdBy }).returning({ id: apiTokens.id });
  return { id: row!.id, token };
}

export async function listApiTokens(db: Executor, { accountId }: Scope) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Executor, { accountId, tokenId }: Scope & { tokenId: string }): Promise<Result<null, 'notFound'>> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0 ? done : failure('notFound');
}

// The account a live token feeds, or null; notes when it was used (at most once a minute).
export async function accountOfApiToken(db: Executor, token: string): Promise<{ accountId: string; tokenId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ accountId: apiTokens.accountId, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - ${LAST_USED_EVERY}`))));
  return { accountId: row.accountId, tokenId: row.tokenId };
}
