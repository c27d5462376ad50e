'use server';

import { getLocale } from 'next-intl/server';
import { fail, fieldError, formFields, formValues, invalid, type ActionResult } from '@/lib/action-result';
import { grantLogin } from '@/lib/accounts/login-steps';
import { completeLogin } from '@/lib/auth/complete-login';
import { rememberCurrentAccount } from '@/lib/authz';
import { db } from '@/lib/db';
import { registerFromInvite } from '@/lib/invites/signup-invite';
import { registerFromInviteSchema } from './schemas';
import { SIGN_UP_LINK_ERRORS } from './signup-link-errors';

// Registering from a sign-up invitation: no activation e-mail (the link proved the address), the account joined, and
// the new member logged in, landing where a first login of theirs lands (Charge).
export async function registerFromInviteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = registerFromInviteSchema.safeParse(formFields(form));
  if (!input.success) {
    const refused = invalid(input.error, values);
    // The link's token travels in a hidden field: a bad one is said above the form, as a link that does not work.
    return refused.status === 'error' && refused.fieldErrors?.invite ? { ...refused, formError: 'signUpLinkInvalid' } : refused;
  }

  const result = await registerFromInvite(db(), { ...input.data, token: input.data.invite, locale: await getLocale() });
  if (!result.ok) return result.reason === 'otherAddress' ? fieldError('email', 'inviteOtherAddress', values) : fail(SIGN_UP_LINK_ERRORS[result.reason], { values });

  await rememberCurrentAccount(result.value.accountId);
  return completeLogin(await grantLogin(db(), { userId: result.value.userId }), undefined);
}
