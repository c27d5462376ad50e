import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import type { Result } from '@/domain/data/result';
import { updatePasswordHash } from '@/domain/data/users';
import { confirmPassword, type PasswordRateLimited } from './confirm-password';

type PasswordChange = { user: { id: string; email: string }; ip: string; currentPassword: string; newPassword: string };

export async function changePassword(db: Executor, { user, ip, currentPassword, newPassword }: PasswordChange): Promise<Result<null, 'wrongPassword' | 'notFound'> | PasswordRateLimited> {
  const confirmed = await confirmPassword(db, { user, ip, password: currentPassword });
  if (!confirmed.ok) return confirmed;
  return updatePasswordHash(db, { userId: user.id, passwordHash: await hashPassword(newPassword) });
}
