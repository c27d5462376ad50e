import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inviteAttempts } from '../../db/schema';
import { done, success, type Result } from './result';

type Scope = { accountId: string };

// Rows older than `forgetBefore` only ever answer "no"; they go, so that the table stays small.
export async function recordInviteAttempt(db: Executor, { accountId, forgetBefore }: Scope & { forgetBefore: Date }): Promise<Result<{ id: number }>> {
  const [row] = await db.insert(inviteAttempts).values({ accountId }).returning({ id: inviteAttempts.id });
  await db.delete(inviteAttempts).where(lt(inviteAttempts.createdAt, forgetBefore));
  return success({ id: row!.id });
}

export async function countInviteAttemptsSince(db: Executor, { accountId, since }: Scope & { since: Date }): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(inviteAttempts)
    .where(and(eq(inviteAttempts.accountId, accountId), gt(inviteAttempts.createdAt, since)));
  return row?.value ?? 0;
}

export async function forgetInviteAttempt(db: Executor, { id }: { id: number }): Promise<Result> {
  await db.delete(inviteAttempts).where(eq(inviteAttempts.id, id));
  return done;
}
