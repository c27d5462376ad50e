import 'server-only';
import { hashPassword } from '@/domain/crypto/password';
import { db } from '@/lib/db';
import { consumeToken, issueToken, lastTokenIssuedAt, sendOrWithdraw } from '@/lib/data/tokens';
import { getUserByEmail, markEmailVerified, updatePasswordHash } from '@/lib/data/users';
import { passwordResetEmail } from '@/lib/email/templates';
import { answerAlike, assertEmailDeliverable, sendEmail } from '@/lib/email/send';

const REQUEST_COOLDOWN_MS = 60_000;

// Same answer for known and unknown addresses: the caller learns nothing about who has an account.
// Throws EmailDeliveryError only when no e-mail can go out at all, for every address alike.
export async function requestPasswordReset(email: string): Promise<void> {
  assertEmailDeliverable();
  const user = await getUserByEmail(email);
  if (!user) return;
  const last = await lastTokenIssuedAt({ userId: user.id, purpose: 'reset' });
  if (last && Date.now() - last.getTime() < REQUEST_COOLDOWN_MS) return;
  const scope = { userId: user.id, purpose: 'reset' } as const;
  const token = await db().transaction((tx) => issueToken(tx, scope));
  await sendOrWithdraw(token, scope, async () => sendEmail({ to: user.email, ...(await passwordResetEmail(user, token)) })).catch(answerAlike);
}

export type ResetResult = 'reset' | 'invalid' | 'expired' | 'used';

export async function resetPassword({ token, password }: { token: string; password: string }): Promise<ResetResult> {
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const check = await consumeToken(tx, token, 'reset');
    if (check.status !== 'valid') return check.status;
    await updatePasswordHash(tx, { userId: check.userId, passwordHash });
    // The link reached their inbox, which is all activation proves.
    await markEmailVerified(tx, check.userId);
    return 'reset';
  });
}
