import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { attemptLogin } from '@/lib/accounts/login';
import { clientIp } from '@/lib/auth/client-ip';
import { getUserById } from '@/lib/data/users';
import { log } from '@/lib/log';

export class LoginRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'notActivated' | 'rateLimited') {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A refused login is an expected answer (and is counted in login_failures), not a server error.
    error: (error) => {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, 'auth error');
    },
  },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const input = credentialsSchema.safeParse(credentials);
        if (!input.success) throw new LoginRefused('invalid');
        const attempt = await attemptLogin({ ...input.data, ip: clientIp(request.headers) });
        if (attempt.status !== 'ok') throw new LoginRefused(attempt.status);
        const user = await getUserById(attempt.userId);
        return user && { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: string }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.sessionVersion = typeof token.sessionVersion === 'string' ? token.sessionVersion : '';
      return session;
    },
  },
});

declare module 'next-auth' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Session {
    sessionVersion: string;
  }
}
