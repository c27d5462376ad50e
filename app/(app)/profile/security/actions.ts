'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { fail, fieldError, ok, type ActionResult } from '@/lib/action-result';
import { confirmEnrolment, forgetRecoveryCodesIfUnused, startEnrolment, turnOffAuthenticator, type Enrolment } from '@/lib/accounts/authenticator';
import { confirmPassword } from '@/lib/accounts/confirm-password';
import { noticeSignInChange } from '@/lib/accounts/sign-in-notice';
import { addPasskeyFromResponse, parseCredential, passkeyEnrolmentOptions, type RegistrationOptions } from '@/lib/accounts/passkeys';
import { clientIp } from '@/lib/auth/client-ip';
import { forgetLoginStep, keepLoginStep, readLoginStep } from '@/lib/auth/login-step-cookies';
import { getSecondFactors, isTwoFactorRequiredOfUser, removePasskey, replaceRecoveryCodes } from '@/domain/data/two-factor';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { userAction } from '@/lib/user-action';
import { credentialField } from '@/app/(public)/login/schemas';
import { currentPasswordField, key, nameField, secondFactorCodeField } from '@/lib/validation';

const PAGE = '/profile/security';

// Turning a factor off, or new recovery codes, is confirmed with the password (counted like a login's).
async function unlessPasswordConfirmed(user: { id: string; email: string }, password: string): Promise<ActionResult<never> | null> {
  const confirmed = await confirmPassword(db(), { user, ip: clientIp(await headers()), password });
  if (confirmed.ok) return null;
  if (confirmed.reason === 'rateLimited') return fieldError('currentPassword', 'tooManyAttempts', undefined, { minutes: confirmed.retryAfterMinutes });
  return fieldError('currentPassword', 'wrongPassword');
}

export const startAuthenticatorAction = userAction<z.ZodObject, Enrolment>(z.object({}), async ({ user }) => {
  const enrolment = await startEnrolment(db(), user);
  return enrolment.ok ? ok(enrolment.value) : fail('authenticatorAlreadyOn');
});

const codeSchema = z.object({ code: secondFactorCodeField });

export const confirmAuthenticatorAction = userAction<typeof codeSchema, { codes: string[] }>(codeSchema, async ({ input, user, values }) => {
  const confirmed = await confirmEnrolment(db(), { userId: user.id, code: input.code });
  if (!confirmed.ok) return fieldError('code', 'codeWrong', values);
  await noticeSignInChange(user, 'authenticatorOn');
  // No revalidatePath: the new page would replace the recovery codes before the user saved them (AuthenticatorSetup).
  return ok(confirmed.value);
});

const passwordSchema = z.object({ currentPassword: currentPasswordField });

// An account the user belongs to requires two-factor: their last factor goes only once another replaces it.
async function isLastRequiredFactor(userId: string, removing: 'authenticator' | 'passkey'): Promise<boolean> {
  const factors = await getSecondFactors(db(), { userId });
  const left = removing === 'authenticator' ? factors.passkeyCount : Number(factors.hasAuthenticator) + factors.passkeyCount - 1;
  return left === 0 && (await isTwoFactorRequiredOfUser(db(), { userId }));
}

export const turnOffAuthenticatorAction = userAction(passwordSchema, async ({ input, user }) => {
  if (await isLastRequiredFactor(user.id, 'authenticator')) return fail('lastFactorRequired');
  const refused = await unlessPasswordConfirmed(user, input.currentPassword);
  if (refused) return refused;
  await turnOffAuthenticator(db(), { userId: user.id });
  await noticeSignInChange(user, 'authenticatorOff');
  revalidatePath(PAGE);
  return ok(null);
});

export const newRecoveryCodesAction = userAction<typeof passwordSchema, { codes: string[] }>(passwordSchema, async ({ input, user }) => {
  const refused = await unlessPasswordConfirmed(user, input.currentPassword);
  if (refused) return refused;
  const replaced = await replaceRecoveryCodes(db(), { userId: user.id });
  await noticeSignInChange(user, 'recoveryCodesRenewed');
  revalidatePath(PAGE);
  return ok(replaced.value);
});

export async function passkeyEnrolmentOptionsAction(): Promise<RegistrationOptions> {
  const user = await requireUser();
  const { options, token } = await passkeyEnrolmentOptions(db(), user);
  await keepLoginStep('passkey', token);
  return options;
}

const addPasskeySchema = z.object({ credential: credentialField, name: nameField });

export const addPasskeyAction = userAction<typeof addPasskeySchema, { recoveryCodes: string[] | null }>(addPasskeySchema, async ({ input, user }) => {
  const token = await readLoginStep('passkey');
  const response = parseCredential<Parameters<typeof addPasskeyFromResponse>[1]['response']>(input.credential);
  if (!token || !response) return fail('passkeyRefused');
  const added = await addPasskeyFromResponse(db(), { userId: user.id, token, response, name: input.name });
  await forgetLoginStep('passkey');
  if (!added.ok) return fail(added.reason === 'alreadyAdded' ? 'passkeyAlreadyAdded' : 'passkeyRefused');
  await noticeSignInChange(user, 'passkeyAdded');
  revalidatePath(PAGE);
  return ok(added.value);
});

const removePasskeySchema = z.object({ passkeyId: z.uuid(key('required')), currentPassword: currentPasswordField });

export const removePasskeyAction = userAction(removePasskeySchema, async ({ input, user }) => {
  if (await isLastRequiredFactor(user.id, 'passkey')) return fail('lastFactorRequired');
  const refused = await unlessPasswordConfirmed(user, input.currentPassword);
  if (refused) return refused;
  const removed = await removePasskey(db(), { userId: user.id, passkeyId: input.passkeyId });
  if (!removed.ok) return fail('notFound');
  await forgetRecoveryCodesIfUnused(db(), { userId: user.id });
  await noticeSignInChange(user, 'passkeyRemoved');
  revalidatePath(PAGE);
  return ok(null);
});
