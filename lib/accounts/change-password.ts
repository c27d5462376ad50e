import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import { failure, type Failure, type Result } from '@/domain/data/result';
import { updatePasswordHash } from '@/domain/data/users';
import { checkPassword } from './password-check';

type PasswordChange = { user: { id: string; email: string }; ip: string; currentPassword: string; newPassword: string };
type RateLimited = Failure<'rateLimited'> & { retryAfterMinutes: number };

// The current password is checked like a login's, and counts against the same limits (password-check.ts).
export async function changePassword(db: Executor, { user, ip, currentPassword, newPassword }: PasswordChange): Promise<Result<null, 'wrongPassword' | 'notFound'> | RateLimited> {
  const check = await checkPassword(db, { email: user.email, password: currentPassword, ip });
  if (check.status === 'rateLimited') return { ...failure('rateLimited'), retryAfterMinutes: check.retryAfterMinutes };
  if (check.status !== 'ok' || check.userId !== user.id) return failure('wrongPassword');
  return updatePasswordHash(db, { userId: user.id, passwordHash: await hashPassword(newPassword) });
}
