import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth';
import { endUserSession, getUserOfSession, type SessionUser } from '@/domain/data/user-sessions';
import { db } from '@/lib/db';

// The signed cookie only names the user and their session; the user_sessions row decides. Logout, "log out
// everywhere", a new password or a deleted user delete the row, which ends the session on the next request.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sid) return null;
  const user = await getUserOfSession(db(), { userId: session.user.id, token: session.sid });
  return user?.emailVerifiedAt ? user : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

// Deletes this browser's session row, so that a copy of its cookie opens nothing either.
export async function endCurrentSession(): Promise<void> {
  const session = await auth();
  if (session?.sid) await endUserSession(db(), { token: session.sid });
}
