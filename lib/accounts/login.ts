import 'server-only';
import type { Executor } from '@/db/client';
import { checkPassword } from './password-check';

export type LoginAttempt =
  | { status: 'ok'; userId: string }
  | { status: 'invalid' | 'notActivated' | 'secondFactor' }
  | { status: 'rateLimited'; retryAfterMinutes: number };

export async function attemptLogin(db: Executor, credentials: { email: string; password: string; ip: string }): Promise<LoginAttempt> {
  const check = await checkPassword(db, credentials);
  if (check.status !== 'ok') return check;
  // Told only after the password matched, so that "not activated" is never told to a stranger.
  if (!check.isActivated) return { status: 'notActivated' };
  // The password was right, and only the login form goes on from here to ask for the code.
  if (check.secondFactorDue) return { status: 'secondFactor' };
  return { status: 'ok', userId: check.userId };
}
