import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth';
import { getUserById, type PublicUser } from '@/domain/data/users';
import { db } from '@/lib/db';

// The signed cookie only names the user; the row decides. A password change (new session
// version) or a deleted user ends the session on the next request.
export const getSessionUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const user = await getUserById(db(), { userId: session.user.id });
  if (!user || user.sessionVersion !== session.sessionVersion || !user.emailVerifiedAt) return null;
  return user;
});

export async function requireUser(): Promise<PublicUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}
