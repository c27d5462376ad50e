import 'server-only';
import { hashPassword, verifyPassword } from '@/domain/crypto/password';
import { db } from '@/lib/db';
import { getPasswordHash, updatePasswordHash } from '@/lib/data/users';

export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<'changed' | 'wrongPassword'> {
  const stored = await getPasswordHash(userId);
  if (!stored || !(await verifyPassword(currentPassword, stored))) return 'wrongPassword';
  const passwordHash = await hashPassword(newPassword);
  await updatePasswordHash(db(), { userId, passwordHash });
  return 'changed';
}
