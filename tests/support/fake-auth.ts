// Stands in for lib/auth.ts in action tests: the session is whoever `signInAs` named.
// Everything after the session (membership, data) is the real code against the real database.

let current: { id: string; sessionVersion: string } | null = null;

export function signInAs(user: { id: string; sessionVersion: string } | null) {
  current = user;
}

export async function auth() {
  return current ? { user: { id: current.id }, sessionVersion: current.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() } : null;
}

export async function signIn() {}
export async function signOut() {}
export const handlers = {};
export class LoginRefused extends Error {}
