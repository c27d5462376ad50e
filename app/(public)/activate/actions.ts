'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formFields, ok, type ActionResult } from '@/lib/action-result';
import { activateAccount, type ActivationResult } from '@/lib/accounts/activation';
import { db } from '@/lib/db';
import { tokenField } from '@/lib/validation';

const activateSchema = z.object({ token: tokenField });

export async function activateAction(_previous: ActionResult<ActivationResult>, form: FormData): Promise<ActionResult<ActivationResult>> {
  const input = activateSchema.safeParse(formFields(form));
  if (!input.success) return ok('invalid');
  const result = await activateAccount(db(), input.data.token);
  if (result.ok) redirect('/login?notice=activated');
  return ok(result.reason);
}
