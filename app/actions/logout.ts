'use server';

import { signOut } from '@/lib/auth';
import { endAllUserSessions } from '@/domain/data/user-sessions';
import { db } from '@/lib/db';
import { endCurrentSession, getSessionUser } from '@/lib/session';

// The session row goes first: clearing the cookie alone would leave any copy of it working.
export async function logoutAction() {
  await endCurrentSession();
  await signOut({ redirectTo: '/login?notice=logged-out' });
}

// Every session of the user, this browser's included. A browser whose session has already ended only loses its cookie.
export async function logOutEverywhereAction() {
  const user = await getSessionUser();
  if (user) await endAllUserSessions(db(), { userId: user.id });
  await signOut({ redirectTo: '/login?notice=logged-out-everywhere' });
}
