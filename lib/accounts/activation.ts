import 'server-only';
import type { Executor } from '@/db/client';
import type { Result } from '@/domain/data/result';
import { claimSignUpInvites } from '@/domain/data/signup-invites';
import { consumeToken, type TokenRefusal } from '@/domain/data/tokens';
import { getUnverifiedUserByEmail, markEmailVerified } from '@/domain/data/users';
import { activationEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, sendEmail } from '@/lib/email/send';
import { mailFreshToken } from './token-mail';

// What the activation page can be told (a link that worked redirects to the login page instead).
export type ActivationResult = 'activated' | TokenRefusal;

export async function activateAccount(db: Executor, token: string): Promise<Result<null, TokenRefusal>> {
  return db.transaction(async (tx) => {
    const check = await consumeToken(tx, { token, purpose: 'activate' });
    if (!check.ok) return check;
    await claimSignUpInvites(tx, check.value);
    return markEmailVerified(tx, check.value);
  });
}

// Answers the same whether or not anything was sent, so it cannot be used to probe addresses; throws
// EmailDeliveryError only when no e-mail can go out at all, as requestPasswordReset does.
export async function resendActivation(db: Executor, email: string): Promise<void> {
  assertEmailDeliverable();
  const user = await getUnverifiedUserByEmail(db, { email });
  if (!user) return;
  await mailFreshToken(db, { user, purpose: 'activate', send: async (token) => sendEmail({ to: user.email, ...(await activationEmail(user, token)) }) });
}
