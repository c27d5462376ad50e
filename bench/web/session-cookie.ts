import { encode } from 'next-auth/jwt';

// Auth.js names the cookie after its salt; over plain http there is no __Secure- prefix.
const COOKIE_NAME = 'authjs.session-token';
const MAX_AGE_SECONDS = 3600;

// What lib/auth/config.ts's jwt callback stores at login: the user id and the token of their user_sessions row.
export async function sessionCookie({ userId, sessionToken, secret }: { userId: string; sessionToken: string; secret: string }) {
  const token = await encode({ token: { sub: userId, sid: sessionToken }, secret, salt: COOKIE_NAME, maxAge: MAX_AGE_SECONDS });
  return `${COOKIE_NAME}=${token}`;
}
