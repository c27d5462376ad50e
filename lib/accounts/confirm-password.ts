import 'server-only';
import type { Executor } from '@/db/client';
import { done, failure, type Failure, type Result } from '@/domain/data/result';
import { checkPassword } from './password-check';

export type PasswordRateLimited = Failure<'rateLimited'> & { retryAfterMinutes: number };

// A signed-in user confirms a sensitive change (a new password, turning two-factor off) with their current password,
// checked and counted like a login's (password-check.ts).
export async function confirmPassword(db: Executor, { user, ip, password }: { user: { id: string; email: string }; ip: string; password: string }): Promise<Result<null, 'wrongPassword'> | PasswordRateLimited> {
  const check = await checkPassword(db, { email: user.email, password, ip });
  if (check.status === 'rateLimited') return { ...failure('rateLimited'), retryAfterMinutes: check.retryAfterMinutes };
  if (check.status !== 'ok' || check.userId !== user.id) return failure('wrongPassword');
  return done;
}
