import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import { failure, type Failure, type Result } from '@/domain/data/result';
import { checkToken, consumeToken, type TokenRefusal } from '@/domain/data/tokens';
import { getUserByEmail, getUserById, markEmailVerified, updatePasswordHash } from '@/domain/data/users';
import { UNKNOWN_CLIENT } from '@/lib/auth/client-ip';
import { passwordResetEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, sendEmail } from '@/lib/email/send';
import { proveSecondFactor } from './authenticator';
import type { PasswordRateLimited } from './confirm-password';
import { countedAttempt } from './counted-attempt';
import { needsSecondFactor } from './login-steps';
import { noticeSignInChange } from './sign-in-notice';
import { mailFreshToken } from './token-mail';

// Same answer for known and unknown addresses: the caller learns nothing about who has an account.
// Throws EmailDeliveryError only when no e-mail can go out at all, for every address alike.
export async function requestPasswordReset(db: Executor, email: string): Promise<void> {
  assertEmailDeliverable();
  const user = await getUserByEmail(db, { email });
  if (!user) return;
  await mailFreshToken(db, { user, purpose: 'reset', send: async (token) => sendEmail({ to: user.email, ...(await passwordResetEmail(user, token)) }) });
}

// ip: the client's address, which guesses at the code count against (lib/auth/client-ip.ts).
type Reset = { token: string; password: string; code?: string; ip?: string };
type CodeRefusal = Failure<'codeNeeded' | 'codeWrong'> | PasswordRateLimited;

// The link proves the inbox; with two-factor on, the inbox alone is not enough: a code from the authenticator app
// or a recovery code is asked for too, counted like a password (counted-attempt.ts).
async function unlessSecondFactorProven(db: Executor, { userId, code, ip }: { userId: string; code?: string; ip: string }): Promise<CodeRefusal | null> {
  if (!(await needsSecondFactor(db, { userId }))) return null;
  const user = await getUserById(db, { userId });
  if (!code || !user) return failure('codeNeeded');
  const check = await countedAttempt(db, { email: user.email, ip }, () => proveSecondFactor(db, { userId, code }));
  if (check.status === 'rateLimited') return { ...failure('rateLimited'), retryAfterMinutes: check.retryAfterMinutes };
  return check.status === 'ok' ? null : failure('codeWrong');
}

export async function resetPassword(db: Executor, { token, password, code, ip = UNKNOWN_CLIENT }: Reset): Promise<Result<null, TokenRefusal> | CodeRefusal> {
  const claim = await checkToken(db, { token, purpose: 'reset' });
  if (!claim.ok) return claim;
  const refusal = await unlessSecondFactorProven(db, { userId: claim.value.userId, code, ip });
  if (refusal) return refusal;
  const passwordHash = await hashPassword(password);
  const reset = await db.transaction(async (tx) => {
    const check = await consumeToken(tx, { token, purpose: 'reset' });
    if (!check.ok) return check;
    await updatePasswordHash(tx, { userId: check.value.userId, passwordHash });
    // The link reached their inbox, which is all activation proves.
    return markEmailVerified(tx, check.value);
  });
  const user = reset.ok ? await getUserById(db, { userId: claim.value.userId }) : null;
  if (user) await noticeSignInChange(user, 'passwordChanged');
  return reset;
}
