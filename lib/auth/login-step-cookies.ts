import 'server-only';
import { cookies } from 'next/headers';
import { LOGIN_STEP_SECONDS } from '@/domain/data/login-steps';
import { isHttpsDeployment } from '@/lib/config';

// The token of a login between its steps (lib/accounts/login-steps.ts), kept from scripts and other sites.
// secondFactor: after the password; passkey: a WebAuthn challenge of a passkey login or of adding a passkey.
export const LOGIN_STEP_COOKIES = { secondFactor: 'cw_login_step', passkey: 'cw_passkey_step' } as const;
type StepCookie = keyof typeof LOGIN_STEP_COOKIES;

export async function keepLoginStep(which: StepCookie, token: string): Promise<void> {
  (await cookies()).set(LOGIN_STEP_COOKIES[which], token, {
    path: '/',
    maxAge: LOGIN_STEP_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    secure: isHttpsDeployment(),
  });
}

export async function readLoginStep(which: StepCookie): Promise<string | null> {
  const value = (await cookies()).get(LOGIN_STEP_COOKIES[which])?.value;
  return value && value.length <= 100 ? value : null;
}

export async function forgetLoginStep(which: StepCookie): Promise<void> {
  (await cookies()).delete(LOGIN_STEP_COOKIES[which]);
}
