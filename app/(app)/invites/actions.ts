'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fail, formFields, ok, type ActionResult } from '@/lib/action-result';
import { rememberCurrentAccount } from '@/lib/authz';
import { acceptPendingInvite, declinePendingInvite } from '@/lib/data/invites';
import { acceptInvite, declineInvite, type InviteCheck } from '@/lib/invites/respond';
import { getSessionUser } from '@/lib/session';
import { tokenField } from '@/lib/validation';

const tokenSchema = z.object({ token: tokenField });
const inviteIdSchema = z.object({ inviteId: z.uuid() });
export type InviteAnswer = InviteCheck['status'] | 'declined';

async function enterAccount(accountId: string): Promise<never> {
  await rememberCurrentAccount(accountId);
  redirect('/chargers');
}

export async function acceptInviteAction(_previous: ActionResult<InviteAnswer>, form: FormData): Promise<ActionResult<InviteAnswer>> {
  const input = tokenSchema.safeParse(formFields(form));
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return ok('invalid');
  const result = await acceptInvite({ token: input.data.token, userId: user.id });
  if (result.status === 'accepted') await enterAccount(result.accountId);
  return ok(result.status === 'accepted' ? 'used' : result.status);
}

export async function declineInviteAction(_previous: ActionResult<InviteAnswer>, form: FormData): Promise<ActionResult<InviteAnswer>> {
  const input = tokenSchema.safeParse(formFields(form));
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return ok('invalid');
  const result = await declineInvite({ token: input.data.token, userId: user.id });
  return ok(result.status);
}

// From the dashboard, where the invite is named by id: only its invitee can answer it.
export async function answerInviteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const fields = formFields(form);
  const input = inviteIdSchema.safeParse(fields);
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return fail('notFound');
  if (fields.answer === 'decline') {
    if (!(await declinePendingInvite({ inviteId: input.data.inviteId, userId: user.id }))) return fail('notFound');
    revalidatePath('/dashboard');
    return ok(null);
  }
  const accountId = await acceptPendingInvite({ inviteId: input.data.inviteId, userId: user.id });
  if (!accountId) return fail('notFound');
  return enterAccount(accountId);
}
