import 'server-only';
import type { Executor } from '@/db/client';
import { forgetLoginAttempt, recordLoginFailure } from '@/domain/data/login-failures';
import { normalizeEmail } from '@/domain/data/users';
import { checkLoginLimit, LOGIN_LIMITS } from './login-limit';

export type CountedAttempt<T> = { status: 'ok'; value: T } | { status: 'invalid' } | { status: 'rateLimited'; retryAfterMinutes: number };

// Every guess at a secret of a user (a password, a code of their authenticator app, a recovery code) goes through
// here and counts against the same limits per e-mail and per client address (login-limit.ts): guesses made at one
// form count at all of them. `check` answers null for a wrong guess.
export async function countedAttempt<T>(db: Executor, { email, ip }: { email: string; ip: string }, check: () => Promise<T | null>): Promise<CountedAttempt<T>> {
  const key = { email: normalizeEmail(email), ip };
  // Counted as a failure before the secret is checked, so a burst of parallel guesses sees its own attempts and
  // cannot slip more than the limit past the check.
  const attempt = await recordLoginFailure(db, { ...key, forgetBefore: new Date(Date.now() - 2 * LOGIN_LIMITS.windowMs) });
  const limit = await checkLoginLimit(db, key, { pending: 1 });
  if (limit.isLimited) {
    await forgetLoginAttempt(db, attempt.value);
    return { status: 'rateLimited', retryAfterMinutes: limit.retryAfterMinutes };
  }
  const value = await check();
  if (value === null) return { status: 'invalid' };
  await forgetLoginAttempt(db, attempt.value);
  return { status: 'ok', value };
}
