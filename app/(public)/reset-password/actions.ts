'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { headers } from 'next/headers';
import { fail, fieldError, formFields, formValues, invalid, type ActionResult } from '@/lib/action-result';
import { clientIp } from '@/lib/auth/client-ip';
import { resetPassword } from '@/lib/accounts/password-reset';
import { db } from '@/lib/db';
import { newPasswordField, secondFactorCodeField, tokenField } from '@/lib/validation';

const resetPasswordSchema = z.object({ token: tokenField, password: newPasswordField, code: secondFactorCodeField.optional() });

export async function resetPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = resetPasswordSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const result = await resetPassword(db(), { ...input.data, ip: clientIp(await headers()) });
  if (!result.ok) {
    if (result.reason === 'codeNeeded') return fieldError('code', 'required', values);
    if (result.reason === 'codeWrong') return fieldError('code', 'codeWrong', values);
    if (result.reason === 'rateLimited') return fieldError('code', 'tooManyAttempts', values, { minutes: result.retryAfterMinutes });
    return fail('resetLinkUnusable');
  }
  redirect('/login?notice=reset');
}
