import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword, verifyPassword } from '@/domain/crypto/password';
import { failure, type Result } from '@/domain/data/result';
import { getPasswordHash, updatePasswordHash } from '@/domain/data/users';

type PasswordChange = { userId: string; currentPassword: string; newPassword: string };

export async function changePassword(db: Executor, { userId, currentPassword, newPassword }: PasswordChange): Promise<Result<null, 'wrongPassword' | 'notFound'>> {
  const stored = await getPasswordHash(db, { userId });
  if (!stored || !(await verifyPassword(currentPassword, stored))) return failure('wrongPassword');
  return updatePasswordHash(db, { userId, passwordHash: await hashPassword(newPassword) });
}
