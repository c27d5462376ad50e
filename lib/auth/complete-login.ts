import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import type { LoginGrant } from '@/lib/accounts/login-steps';
import { getFirstLanding } from '@/domain/data/first-landing';
import { recordLogin, getUserById } from '@/domain/data/users';
import { rememberCurrentAccount } from '@/lib/authz';
import { db } from '@/lib/db';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { safeCallbackPath } from '@/lib/safe-redirect';

// Every factor is proven: Auth.js trades the grant for the session cookie; the user's language becomes the page's,
// and a first login lands by role (domain/data/first-landing.ts). Redirects (throws), as every login form ends.
export async function completeLogin({ grant, userId }: LoginGrant, callbackUrl: string | undefined): Promise<never> {
  await signIn('credentials', { grant, redirect: false });
  return landAfterLogin(userId, callbackUrl);
}

export async function landAfterLogin(userId: string, callbackUrl: string | undefined): Promise<never> {
  const user = await getUserById(db(), { userId });
  const { isFirstLogin } = (await recordLogin(db(), { userId })).value;
  if (user) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  const destination = safeCallbackPath(callbackUrl) ?? '/dashboard';
  if (!isFirstLogin || destination !== '/dashboard') redirect(destination);
  const landing = await getFirstLanding(db(), { userId });
  if (landing.accountId) await rememberCurrentAccount(landing.accountId);
  redirect(landing.path);
}
