import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/config';

export { LoginRefused } from '@/lib/auth/config';

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig());

declare module 'next-auth' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Session {
    // The token of the user_sessions row this cookie belongs to (lib/session.ts).
    sid: string;
  }
}
