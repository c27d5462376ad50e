import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword, verifyPassword } from '@/domain/crypto/password';
import { clearLoginFailures } from '@/domain/data/login-failures';
import { getCredentials, normalizeEmail } from '@/domain/data/users';
import { countedAttempt } from './counted-attempt';
import { needsSecondFactor } from './login-steps';

export type PasswordCheck =
  | { status: 'ok'; userId: string; isActivated: boolean; secondFactorDue: boolean }
  | { status: 'invalid' }
  | { status: 'rateLimited'; retryAfterMinutes: number };

// Compared against when the e-mail is unknown, so both paths take the same time.
const decoyHash = hashPassword('not-a-real-password');

// The one way a password is checked: the login, the change of password, and any confirmation of a sensitive action,
// each counted (counted-attempt.ts).
export async function checkPassword(db: Executor, { email, password, ip }: { email: string; password: string; ip: string }): Promise<PasswordCheck> {
  const key = { email: normalizeEmail(email), ip };
  const check = await countedAttempt(db, key, async () => {
    const user = await getCredentials(db, key);
    const isMatch = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    return user && isMatch ? user : null;
  });
  if (check.status !== 'ok') return check;
  const isActivated = check.value.emailVerifiedAt !== null;
  const secondFactorDue = await needsSecondFactor(db, { userId: check.value.id });
  // The right password of an account nobody can log in to yet proves nothing to forget earlier guesses by; nor
  // does it with a second factor due, or each password would buy five more guesses at the code.
  if (isActivated && !secondFactorDue) await clearLoginFailures(db, key);
  return { status: 'ok', userId: check.value.id, isActivated, secondFactorDue };
}
