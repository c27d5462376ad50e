'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { resendActivation } from '@/lib/accounts/activation';
import { LoginRefused, signIn } from '@/lib/auth';
import { clientIp } from '@/lib/auth/client-ip';
import { checkLoginLimit } from '@/lib/accounts/login-limit';
import { db } from '@/lib/db';
import { unlessUndelivered } from '@/lib/email/send';
import { getUserByEmail, normalizeEmail, recordLogin } from '@/domain/data/users';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { loginSchema, resendActivationSchema } from './schemas';

async function refusal(code: string, email: string, values: Record<string, string>): Promise<ActionResult> {
  if (code === 'notActivated') return fail('notActivated', { values });
  if (code === 'rateLimited') {
    const limit = await checkLoginLimit(db(), { email: normalizeEmail(email), ip: clientIp(await headers()) });
    const minutes = limit.isLimited ? limit.retryAfterMinutes : 1;
    return fail('tooManyAttempts', { values, formErrorValues: { minutes } });
  }
  return fail('invalidCredentials', { values });
}

export async function loginAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = loginSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const { email, password, callbackUrl } = input.data;

  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof LoginRefused) return refusal(error.code, email, values);
    throw error;
  }

  const user = await getUserByEmail(db(), { email });
  if (!user) return fail('generic');
  const { isFirstLogin } = (await recordLogin(db(), { userId: user.id })).value;
  (await cookies()).set(LOCALE_COOKIE, user.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  const destination = safeCallbackPath(callbackUrl) ?? '/dashboard';
  redirect(isFirstLogin && destination === '/dashboard' ? '/onboarding' : destination);
}

export async function resendActivationAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = resendActivationSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error);
  if ((await unlessUndelivered(() => resendActivation(db(), input.data.email))) === 'emailFailed') return fail('emailFailed');
  return ok(null);
}
