import { encode } from 'next-auth/jwt';

// Auth.js names the cookie after its salt; over plain http there is no __Secure- prefix.
const COOKIE_NAME = 'authjs.session-token';
const MAX_AGE_SECONDS = 3600;

// What lib/auth.ts's jwt callback stores at login: the user id and the session version the row must still hold.
export async function sessionCookie({ userId, sessionVersion, secret }: { userId: string; sessionVersion: string; secret: string }) {
  const token = await encode({ token: { sub: userId, sessionVersion }, secret, salt: COOKIE_NAME, maxAge: MAX_AGE_SECONDS });
  return `${COOKIE_NAME}=${token}`;
}
