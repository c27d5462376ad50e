'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fail, formFields, invalid, type ActionResult } from '@/lib/action-result';
import { resetPassword } from '@/lib/accounts/password-reset';
import { db } from '@/lib/db';
import { newPasswordField, tokenField } from '@/lib/validation';

const resetPasswordSchema = z.object({ token: tokenField, password: newPasswordField });

export async function resetPasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = resetPasswordSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error);
  const result = await resetPassword(db(), input.data);
  if (!result.ok) return fail('resetLinkUnusable');
  redirect('/login?notice=reset');
}
