'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { fieldError, ok } from '@/lib/action-result';
import { changePassword } from '@/lib/accounts/change-password';
import { grantLogin } from '@/lib/accounts/login-steps';
import { noticeSignInChange } from '@/lib/accounts/sign-in-notice';
import { signIn } from '@/lib/auth';
import { clientIp } from '@/lib/auth/client-ip';
import { updateUserName } from '@/domain/data/users';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';
import { currentPasswordField, nameField, newPasswordField } from '@/lib/validation';

const updateNameSchema = z.object({ name: nameField });
const changePasswordSchema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField });

export const updateNameAction = userAction(updateNameSchema, async ({ input, user }) => {
  await updateUserName(db(), { userId: user.id, name: input.name });
  revalidatePath('/', 'layout');
  return ok(null);
});

export const changePasswordAction = userAction(changePasswordSchema, async ({ input, user }) => {
  const result = await changePassword(db(), { user, ip: clientIp(await headers()), ...input });
  if (!result.ok && result.reason === 'rateLimited') return fieldError('currentPassword', 'tooManyAttempts', undefined, { minutes: result.retryAfterMinutes });
  if (!result.ok) return fieldError('currentPassword', 'wrongPassword');
  await noticeSignInChange(user, 'passwordChanged');
  // The new password ended every session of the user, this one included; this browser, which just proved the
  // password (and had proven any second factor at its login), goes on with a new one.
  const { grant } = await grantLogin(db(), { userId: user.id });
  await signIn('credentials', { grant, redirect: false });
  return ok(null);
});
