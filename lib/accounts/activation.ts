import 'server-only';
import { db } from '@/lib/db';
import { consumeToken, issueToken, lastTokenIssuedAt, sendOrWithdraw } from '@/lib/data/tokens';
import { getUnverifiedUserByEmail, markEmailVerified } from '@/lib/data/users';
import { activationEmail } from '@/lib/email/templates';
import { answerAlike, assertEmailDeliverable, sendEmail } from '@/lib/email/send';

export type ActivationResult = 'activated' | 'invalid' | 'expired' | 'used';

export async function activateAccount(token: string): Promise<ActivationResult> {
  return db().transaction(async (tx) => {
    const check = await consumeToken(tx, token, 'activate');
    if (check.status !== 'valid') return check.status;
    await markEmailVerified(tx, check.userId);
    return 'activated';
  });
}

const RESEND_COOLDOWN_MS = 60_000;

// Answers the same whether or not anything was sent, so it cannot be used to probe addresses; throws
// EmailDeliveryError only when no e-mail can go out at all, as requestPasswordReset does.
export async function resendActivation(email: string): Promise<void> {
  assertEmailDeliverable();
  const user = await getUnverifiedUserByEmail(email);
  if (!user) return;
  const last = await lastTokenIssuedAt({ userId: user.id, purpose: 'activate' });
  if (last && Date.now() - last.getTime() < RESEND_COOLDOWN_MS) return;
  const scope = { userId: user.id, purpose: 'activate' } as const;
  const token = await db().transaction((tx) => issueToken(tx, scope));
  await sendOrWithdraw(token, scope, async () => sendEmail({ to: user.email, ...(await activationEmail(user, token)) })).catch(answerAlike);
}
