'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { resendActivation } from '@/lib/accounts/activation';
import { startSecondFactorStep } from '@/lib/accounts/login-steps';
import { loginWithPasskey, parseCredential, passkeyLoginOptions, type AuthenticationOptions } from '@/lib/accounts/passkeys';
import { LoginRefused, signIn } from '@/lib/auth';
import { clientIp } from '@/lib/auth/client-ip';
import { completeLogin, landAfterLogin } from '@/lib/auth/complete-login';
import { forgetLoginStep, keepLoginStep, readLoginStep } from '@/lib/auth/login-step-cookies';
import { checkLoginLimit } from '@/lib/accounts/login-limit';
import { db } from '@/lib/db';
import { unlessUndelivered } from '@/lib/email/send';
import { getUserByEmail, normalizeEmail } from '@/domain/data/users';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { loginSchema, passkeyLoginSchema, resendActivationSchema } from './schemas';

async function refusal(code: string, email: string, values: Record<string, string>): Promise<ActionResult> {
  if (code === 'notActivated') return fail('notActivated', { values });
  if (code === 'rateLimited') {
    const limit = await checkLoginLimit(db(), { email: normalizeEmail(email), ip: clientIp(await headers()) });
    const minutes = limit.isLimited ? limit.retryAfterMinutes : 1;
    return fail('tooManyAttempts', { values, formErrorValues: { minutes } });
  }
  return fail('invalidCredentials', { values });
}

// The password was right and the account has a second factor: the login waits for it at /login/verify.
async function toSecondFactor(email: string, callbackUrl: string | undefined): Promise<never> {
  const user = await getUserByEmail(db(), { email });
  if (!user) redirect('/login');
  await keepLoginStep('secondFactor', await startSecondFactorStep(db(), { userId: user.id }));
  const callback = safeCallbackPath(callbackUrl);
  redirect(callback ? `/login/verify?callbackUrl=${encodeURIComponent(callback)}` : '/login/verify');
}

export async function loginAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = loginSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const { email, password, callbackUrl } = input.data;

  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof LoginRefused && error.code === 'secondFactor') return toSecondFactor(email, callbackUrl);
    if (error instanceof LoginRefused) return refusal(error.code, email, values);
    throw error;
  }

  const user = await getUserByEmail(db(), { email });
  if (!user) return fail('generic');
  return landAfterLogin(user.id, callbackUrl);
}

// A passkey login, first half: the challenge for the browser, remembered in an HttpOnly cookie.
export async function passkeyLoginOptionsAction(): Promise<AuthenticationOptions> {
  const { options, token } = await passkeyLoginOptions(db());
  await keepLoginStep('passkey', token);
  return options;
}

// Second half: the browser's signed answer. A passkey is both factors, so this logs in without a password.
export async function passkeyLoginAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = passkeyLoginSchema.safeParse(formFields(form));
  const token = await readLoginStep('passkey');
  const response = input.success ? parseCredential<Parameters<typeof loginWithPasskey>[1]['response']>(input.data.credential) : null;
  if (!token || !response) return fail('passkeyRefused');
  const result = await loginWithPasskey(db(), { token, response });
  await forgetLoginStep('passkey');
  if (!result.ok) return fail('passkeyRefused');
  return completeLogin(result.value, input.success ? input.data.callbackUrl : undefined);
}

export async function resendActivationAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = resendActivationSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error);
  if ((await unlessUndelivered(() => resendActivation(db(), input.data.email))) === 'emailFailed') return fail('emailFailed');
  return ok(null);
}
