'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { fail, formFields, formValues, invalid, type ActionResult } from '@/lib/action-result';
import { registerUser } from '@/lib/accounts/register';
import { db } from '@/lib/db';
import { registerSchema } from './schemas';

export async function registerAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const values = formValues(form);
  const input = registerSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);

  // The same answer whether or not the address has an account (lib/accounts/register.ts).
  const result = await registerUser(db(), { ...input.data, locale: await getLocale() });
  // Nothing was kept: the same form can simply be sent again.
  if (!result.ok) return fail('emailFailed', { values });

  redirect(`/check-email?email=${encodeURIComponent(input.data.email)}`);
}
