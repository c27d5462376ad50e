// Stands in for lib/auth.ts in action tests: the session is whoever `signInAs` named.
// Everything after the session (its user_sessions row, membership, data) is the real code against the real database.
import type { Session } from 'next-auth';
import { startUserSession } from '@/domain/data/user-sessions';
import { db } from '@/lib/db';

// A test may name the session token itself (one that has ended, say); otherwise the first request starts a
// user_sessions row for the user, as their login would have.
export type SignedIn = { id: string; sid?: string };

export function sessionOf(user: SignedIn): () => Promise<Session> {
  let sid: Promise<string> | undefined = user.sid === undefined ? undefined : Promise.resolve(user.sid);
  return async () => {
    sid ??= startUserSession(db(), { userId: user.id }).then((session) => session.value.token);
    return { user: { id: user.id }, sid: await sid, expires: new Date(Date.now() + 3600_000).toISOString() };
  };
}

let current: (() => Promise<Session>) | null = null;

export function signInAs(user: SignedIn | null) {
  current = user && sessionOf(user);
}

export async function auth() {
  return current ? current() : null;
}

export async function signIn() {}
export async function signOut() {}
export const handlers = {};
export class LoginRefused extends Error {}
