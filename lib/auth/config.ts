import { CredentialsSignin } from '@auth/core/errors';
import type { NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { attemptLogin } from '@/lib/accounts/login';
import { redeemLoginGrant } from '@/lib/accounts/login-steps';
import { clientIp } from '@/lib/auth/client-ip';
import { isHttpsDeployment } from '@/lib/config';
import { getUserById } from '@/domain/data/users';
import { endUserSession, SESSION_MAX_AGE_SECONDS, startUserSession } from '@/domain/data/user-sessions';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { safeCallbackPath } from '@/lib/safe-redirect';

export type LoginRefusal = 'invalid' | 'notActivated' | 'rateLimited' | 'secondFactor';

// 'secondFactor': the password was right, and the user has a second factor. Only the login form goes on from there
// (app/(public)/login/actions.ts); Auth.js's own endpoint stops, so no password alone opens such an account.
export class LoginRefused extends CredentialsSignin {
  constructor(code: LoginRefusal) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.union([
  z.object({ grant: z.string().max(100) }),
  z.object({ email: z.string().max(254), password: z.string().max(200) }),
]);

// Who a login may start a session for: the owner of a granted login step (every factor proven, lib/accounts/login-steps.ts),
// or of an e-mail and password when they have no second factor.
async function loginUserId(credentials: Partial<Record<string, unknown>>, headers: Headers): Promise<string> {
  const input = credentialsSchema.safeParse(credentials);
  if (!input.success) throw new LoginRefused('invalid');
  if ('grant' in input.data) {
    const userId = await redeemLoginGrant(db(), input.data.grant);
    if (!userId) throw new LoginRefused('invalid');
    return userId;
  }
  const attempt = await attemptLogin(db(), { ...input.data, ip: clientIp(headers) });
  if (attempt.status !== 'ok') throw new LoginRefused(attempt.status);
  return attempt.userId;
}

// Where Auth.js's own endpoints send the browser: a path of this site only, encoded as lib/safe-redirect.ts
// writes it (a raw "/\u3000/" in the Location header would be a server error), else the start page.
function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const isOwnAbsolute = url.startsWith(`${baseUrl}/`);
  return `${baseUrl}${safeCallbackPath(isOwnAbsolute ? url.slice(baseUrl.length) : url) ?? '/'}`;
}

// The Auth.js configuration, apart from lib/auth.ts so that tests can drive it through @auth/core
// (next-auth itself cannot load outside Next.js). Read when lib/auth.ts is first imported.
export function authConfig(): NextAuthConfig {
  return {
    trustHost: true,
    // Auth.js would otherwise guess from each request's scheme, which a TLS proxy may not forward:
    // a deployment whose APP_URL is https gets the __Secure- session cookie, marked Secure.
    // Either way the cookie is HttpOnly, SameSite=Lax and Path=/ (tests/auth/cookies.test.ts).
    useSecureCookies: isHttpsDeployment(),
    logger: {
      // A refused login is an expected answer (and is counted in login_failures), not a server error.
      error: (error) => {
        if (error instanceof CredentialsSignin) return;
        log.error({ err: error }, 'auth error');
      },
    },
    // The cookie carries an encrypted JWT that names a user_sessions row (`sid`); lib/session.ts checks the row on
    // every request, so ending a session is deleting its row.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, grant: {} },
        authorize: async (credentials, request) => {
          const user = await getUserById(db(), { userId: await loginUserId(credentials, request.headers) });
          if (!user) return null;
          const session = await startUserSession(db(), { userId: user.id });
          return { id: user.id, name: user.name, email: user.email, sessionToken: session.value.token };
        },
      }),
    ],
    callbacks: {
      redirect: sameSiteRedirect,
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = (user as { sessionToken?: string }).sessionToken;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? '';
        session.sid = typeof token.sid === 'string' ? token.sid : '';
        return session;
      },
    },
    events: {
      // Auth.js's own sign-out endpoint ends the session too, not only the cookie. Auth.js logs and swallows a
      // failure here, so app/actions/logout.ts ends the session itself before it calls signOut.
      async signOut(message) {
        const token = 'token' in message ? message.token?.sid : undefined;
        if (typeof token === 'string') await endUserSession(db(), { token });
      },
    },
  };
}
