import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import type { Result } from '@/domain/data/result';
import { consumeToken, type TokenRefusal } from '@/domain/data/tokens';
import { getUserByEmail, markEmailVerified, updatePasswordHash } from '@/domain/data/users';
import { passwordResetEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, sendEmail } from '@/lib/email/send';
import { mailFreshToken } from './token-mail';

// Same answer for known and unknown addresses: the caller learns nothing about who has an account.
// Throws EmailDeliveryError only when no e-mail can go out at all, for every address alike.
export async function requestPasswordReset(db: Executor, email: string): Promise<void> {
  assertEmailDeliverable();
  const user = await getUserByEmail(db, { email });
  if (!user) return;
  await mailFreshToken(db, { user, purpose: 'reset', send: async (token) => sendEmail({ to: user.email, ...(await passwordResetEmail(user, token)) }) });
}

export async function resetPassword(db: Executor, { token, password }: { token: string; password: string }): Promise<Result<null, TokenRefusal>> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const check = await consumeToken(tx, { token, purpose: 'reset' });
    if (!check.ok) return check;
    await updatePasswordHash(tx, { userId: check.value.userId, passwordHash });
    // The link reached their inbox, which is all activation proves.
    return markEmailVerified(tx, check.value);
  });
}
