import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginFailures } from '../../db/schema';
import { done, success, type Result } from './result';

type Attempt = { email: string; ip: string };

// How many failures an e-mail address (or a client address) has had since a moment, and the oldest of them.
export async function getLoginFailureWindow(db: Executor, { by, value, since }: { by: 'email' | 'ip'; value: string; since: Date }) {
  const [row] = await db
    .select({ failures: count(), oldest: min(loginFailures.createdAt) })
    .from(loginFailures)
    .where(and(eq(loginFailures[by], value), gt(loginFailures.createdAt, since)));
  return row ?? { failures: 0, oldest: null };
}

// Rows older than `forgetBefore` only ever answer "no"; they go, so that the table stays small.
export async function recordLoginFailure(db: Executor, { email, ip, forgetBefore }: Attempt & { forgetBefore: Date }): Promise<Result<{ id: number }>> {
  const [row] = await db.insert(loginFailures).values({ email, ip }).returning({ id: loginFailures.id });
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, forgetBefore));
  return success({ id: row!.id });
}

export async function forgetLoginAttempt(db: Executor, { id }: { id: number }): Promise<Result> {
  await db.delete(loginFailures).where(eq(loginFailures.id, id));
  return done;
}

export async function clearLoginFailures(db: Executor, { email }: { email: string }): Promise<Result> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
  return done;
}
