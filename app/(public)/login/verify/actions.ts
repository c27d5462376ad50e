'use server';

import { headers } from 'next/headers';
import { fail, fieldError, formFields, formValues, invalid, type ActionResult } from '@/lib/action-result';
import { proveLoginCode } from '@/lib/accounts/login-steps';
import { parseCredential, proveLoginPasskey, secondFactorPasskeyOptions, type AuthenticationOptions } from '@/lib/accounts/passkeys';
import { clientIp } from '@/lib/auth/client-ip';
import { completeLogin } from '@/lib/auth/complete-login';
import { forgetLoginStep, readLoginStep } from '@/lib/auth/login-step-cookies';
import { db } from '@/lib/db';
import { passkeyLoginSchema, secondFactorCodeSchema } from '../schemas';

export async function verifyCodeAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = secondFactorCodeSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const token = await readLoginStep('secondFactor');
  if (!token) return fail('loginStepExpired');
  const result = await proveLoginCode(db(), { token, code: input.data.code, ip: clientIp(await headers()) });
  if (!result.ok) {
    if (result.reason === 'wrongCode') return fieldError('code', 'codeWrongTriesLeft', values, { tries: result.triesLeft });
    if (result.reason === 'rateLimited') return fieldError('code', 'tooManyAttempts', values, { minutes: result.retryAfterMinutes });
    await forgetLoginStep('secondFactor');
    return fail('loginStepExpired');
  }
  await forgetLoginStep('secondFactor');
  return completeLogin(result.value, input.data.callbackUrl);
}

export async function secondFactorPasskeyOptionsAction(): Promise<AuthenticationOptions | null> {
  const token = await readLoginStep('secondFactor');
  return token ? secondFactorPasskeyOptions(db(), { token }) : null;
}

export async function verifyPasskeyAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = passkeyLoginSchema.safeParse(formFields(form));
  const token = await readLoginStep('secondFactor');
  if (!token) return fail('loginStepExpired');
  const response = input.success ? parseCredential<Parameters<typeof proveLoginPasskey>[1]['response']>(input.data.credential) : null;
  if (!response) return fail('passkeyRefused');
  const result = await proveLoginPasskey(db(), { token, response });
  if (!result.ok) return fail(result.reason === 'stepExpired' ? 'loginStepExpired' : 'passkeyRefused');
  await forgetLoginStep('secondFactor');
  return completeLogin(result.value, input.success ? input.data.callbackUrl : undefined);
}
