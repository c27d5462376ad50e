import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword, verifyPassword } from '@/domain/crypto/password';
import { clearLoginFailures, forgetLoginAttempt, recordLoginFailure } from '@/domain/data/login-failures';
import { getCredentials, normalizeEmail } from '@/domain/data/users';
import { checkLoginLimit, LOGIN_LIMITS } from './login-limit';

export type PasswordCheck =
  | { status: 'ok'; userId: string; isActivated: boolean }
  | { status: 'invalid' }
  | { status: 'rateLimited'; retryAfterMinutes: number };

// Compared against when the e-mail is unknown, so both paths take the same time.
const decoyHash = hashPassword('not-a-real-password');

// The one way a password is checked: the login, the change of password, and any confirmation of a sensitive action.
// Each check counts against the same limits per e-mail and per client address (login-limit.ts), so guesses made at
// one of them count at all of them.
export async function checkPassword(db: Executor, { email, password, ip }: { email: string; password: string; ip: string }): Promise<PasswordCheck> {
  const key = { email: normalizeEmail(email), ip };
  // Counted as a failure before the password is checked, so a burst of parallel guesses sees its
  // own attempts and cannot slip more than the limit past the check.
  const attempt = await recordLoginFailure(db, { ...key, forgetBefore: new Date(Date.now() - 2 * LOGIN_LIMITS.windowMs) });
  const limit = await checkLoginLimit(db, key, { pending: 1 });
  if (limit.isLimited) {
    await forgetLoginAttempt(db, attempt.value);
    return { status: 'rateLimited', retryAfterMinutes: limit.retryAfterMinutes };
  }

  const user = await getCredentials(db, key);
  const isMatch = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !isMatch) return { status: 'invalid' };
  await forgetLoginAttempt(db, attempt.value);
  const isActivated = user.emailVerifiedAt !== null;
  // The right password of an account nobody can log in to yet proves nothing to forget earlier guesses by.
  if (isActivated) await clearLoginFailures(db, key);
  return { status: 'ok', userId: user.id, isActivated };
}
