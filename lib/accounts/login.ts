import 'server-only';
import { hashPassword, verifyPassword } from '@/domain/crypto/password';
import { checkLoginLimit, clearLoginFailures, forgetLoginAttempt, recordLoginFailure } from '@/lib/data/login-failures';
import { getCredentials, normalizeEmail } from '@/lib/data/users';

export type LoginAttempt =
  | { status: 'ok'; userId: string }
  | { status: 'invalid' | 'notActivated' }
  | { status: 'rateLimited'; retryAfterMinutes: number };

// Compared against when the e-mail is unknown, so both paths take the same time.
const decoyHash = hashPassword('not-a-real-password');

export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginAttempt> {
  const key = { email: normalizeEmail(email), ip };
  // Counted as a failure before the password is checked, so a burst of parallel guesses sees its
  // own attempts and cannot slip more than the limit past the check.
  const attemptId = await recordLoginFailure(key);
  const limit = await checkLoginLimit(key, { pending: 1 });
  if (limit.isLimited) {
    await forgetLoginAttempt(attemptId);
    return { status: 'rateLimited', retryAfterMinutes: limit.retryAfterMinutes };
  }

  const user = await getCredentials(key.email);
  const isMatch = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !isMatch) return { status: 'invalid' };
  // Checked only after the password, so that "not activated" is never told to a stranger.
  await forgetLoginAttempt(attemptId);
  if (!user.emailVerifiedAt) return { status: 'notActivated' };
  await clearLoginFailures(key.email);
  return { status: 'ok', userId: user.id };
}
