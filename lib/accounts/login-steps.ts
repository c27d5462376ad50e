import 'server-only';
import type { Executor } from '@/db/client';
import { countFailedCode, getLoginStep, startLoginStep, takeLoginStep } from '@/domain/data/login-steps';
import { failure, success, type Result } from '@/domain/data/result';
import { getSecondFactors, hasSecondFactor } from '@/domain/data/two-factor';
import { clearLoginFailures } from '@/domain/data/login-failures';
import { getUserById, normalizeEmail } from '@/domain/data/users';
import { proveSecondFactor } from './authenticator';
import { countedAttempt } from './counted-attempt';

export async function needsSecondFactor(db: Executor, { userId }: { userId: string }): Promise<boolean> {
  return hasSecondFactor(await getSecondFactors(db, { userId }));
}

export type LoginGrant = { grant: string; userId: string };

// A login whose every factor is proven, handed to Auth.js's credentials provider as `grant`, which trades it once
// for a session (lib/auth/config.ts).
export async function grantLogin(db: Executor, { userId }: { userId: string }): Promise<LoginGrant> {
  return { grant: (await startLoginStep(db, { kind: 'granted', userId })).value.token, userId };
}

export async function redeemLoginGrant(db: Executor, grant: string): Promise<string | null> {
  return (await takeLoginStep(db, { token: grant, kind: 'granted' }))?.userId ?? null;
}

// The password was right and a second factor is due: the step's token goes into an HttpOnly cookie.
export async function startSecondFactorStep(db: Executor, { userId }: { userId: string }): Promise<string> {
  return (await startLoginStep(db, { kind: 'secondFactor', userId })).value.token;
}

export async function getSecondFactorStep(db: Executor, token: string) {
  return getLoginStep(db, { token, kind: 'secondFactor' });
}

export type CodeRefusal = { reason: 'wrongCode'; triesLeft: number } | { reason: 'stepExpired' } | { reason: 'rateLimited'; retryAfterMinutes: number };

// A code from the authenticator app or a recovery code for the login waiting in this step, counted like a password
// (counted-attempt.ts). Five wrong codes also end the step: the password has to be given again.
export async function proveLoginCode(db: Executor, { token, code, ip }: { token: string; code: string; ip: string }): Promise<Result<LoginGrant> | ({ ok: false } & CodeRefusal)> {
  const step = await getSecondFactorStep(db, token);
  const user = step?.userId ? await getUserById(db, { userId: step.userId }) : null;
  if (!step || !user) return failure('stepExpired');
  const check = await countedAttempt(db, { email: user.email, ip }, () => proveSecondFactor(db, { userId: user.id, code }));
  if (check.status === 'rateLimited') return { ok: false, reason: 'rateLimited', retryAfterMinutes: check.retryAfterMinutes };
  if (check.status === 'invalid') {
    const triesLeft = await countFailedCode(db, { stepId: step.id });
    return triesLeft > 0 ? { ok: false, reason: 'wrongCode', triesLeft } : failure('stepExpired');
  }
  // Only a complete login forgets the guesses before it.
  await clearLoginFailures(db, { email: normalizeEmail(user.email) });
  return finishSecondFactorStep(db, token);
}

// Ends the step (once: a second request with the same cookie finds nothing) and grants the login.
export async function finishSecondFactorStep(db: Executor, token: string): Promise<Result<LoginGrant, 'stepExpired'>> {
  const step = await takeLoginStep(db, { token, kind: 'secondFactor' });
  if (!step?.userId) return failure('stepExpired');
  return success(await grantLogin(db, { userId: step.userId }));
}
