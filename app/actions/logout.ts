'use server';

import { signOut } from '@/lib/auth';
import { endCurrentSession } from '@/lib/session';

// The session row goes first: clearing the cookie alone would leave any copy of it working.
export async function logoutAction() {
  await endCurrentSession();
  await signOut({ redirectTo: '/login?notice=logged-out' });
}
