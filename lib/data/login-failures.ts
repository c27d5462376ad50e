import 'server-only';
import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import { loginFailures } from '@/db/schema';
import { db } from '@/lib/db';

export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

export type LoginLimit = { isLimited: false } | { isLimited: true; retryAfterMinutes: number };

async function windowFor(column: typeof loginFailures.email | typeof loginFailures.ip, value: string, since: Date) {
  const [row] = await db()
    .select({ failures: count(), oldest: min(loginFailures.createdAt) })
    .from(loginFailures)
    .where(and(eq(column, value), gt(loginFailures.createdAt, since)));
  return row ?? { failures: 0, oldest: null };
}

// `pending`: attempts already recorded for the request being checked (see attemptLogin).
export async function checkLoginLimit({ email, ip }: { email: string; ip: string }, { now = new Date(), pending = 0 } = {}): Promise<LoginLimit> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [byEmail, byIp] = await Promise.all([
    windowFor(loginFailures.email, email, since),
    windowFor(loginFailures.ip, ip, since),
  ]);
  const blocking = [
    byEmail.failures - pending >= LOGIN_LIMITS.perEmail ? byEmail.oldest : null,
    // Logins whose client address is unknown count together under one (lib/auth/client-ip.ts).
    byIp.failures - pending >= LOGIN_LIMITS.perIp ? byIp.oldest : null,
  ].filter((oldest): oldest is Date => oldest !== null);
  if (blocking.length === 0) return { isLimited: false };
  const freedAt = Math.max(...blocking.map((oldest) => oldest.getTime() + LOGIN_LIMITS.windowMs));
  return { isLimited: true, retryAfterMinutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
}

export async function recordLoginFailure({ email, ip }: { email: string; ip: string }) {
  const [row] = await db().insert(loginFailures).values({ email, ip }).returning({ id: loginFailures.id });
  // Old rows only ever answer "no"; drop them so the table stays small.
  await db()
    .delete(loginFailures)
    .where(lt(loginFailures.createdAt, new Date(Date.now() - 2 * LOGIN_LIMITS.windowMs)));
  return row!.id;
}

export async function forgetLoginAttempt(id: number) {
  await db().delete(loginFailures).where(eq(loginFailures.id, id));
}

export async function clearLoginFailures(email: string) {
  await db().delete(loginFailures).where(eq(loginFailures.email, email));
}
