'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fieldError, formFields, formValues, invalid, ok, type ActionResult } from '@/lib/action-result';
import { changePassword } from '@/lib/accounts/change-password';
import { signIn } from '@/lib/auth';
import { updateUserName } from '@/domain/data/users';
import { db } from '@/lib/db';
import { getSessionUser } from '@/lib/session';
import { currentPasswordField, nameField, newPasswordField } from '@/lib/validation';

const updateNameSchema = z.object({ name: nameField });
const changePasswordSchema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField });

export async function updateNameAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = updateNameSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const user = await getSessionUser();
  if (!user) return { status: 'error', formError: 'sessionExpired' };
  await updateUserName(db(), { userId: user.id, name: input.data.name });
  revalidatePath('/', 'layout');
  return ok(null);
}

export async function changePasswordAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = changePasswordSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error);
  const user = await getSessionUser();
  if (!user) return { status: 'error', formError: 'sessionExpired' };
  const result = await changePassword(db(), { userId: user.id, ...input.data });
  if (!result.ok) return fieldError('currentPassword', 'wrongPassword');
  // Every session, this one included, was ended by the new session version; start a fresh one here.
  await signIn('credentials', { email: user.email, password: input.data.newPassword, redirect: false });
  return ok(null);
}
