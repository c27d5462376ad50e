'use server';

import { z } from 'zod';
import { fail, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { db } from '@/lib/db';
import { unlessUndelivered } from '@/lib/email/send';
import { emailField } from '@/lib/validation';

const forgotPasswordSchema = z.object({ email: emailField });

export async function forgotPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = forgotPasswordSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, formValues(form));
  if ((await unlessUndelivered(() => requestPasswordReset(db(), input.data.email))) === 'emailFailed') return fail('emailFailed', { values: formValues(form) });
  return ok(null);
}
