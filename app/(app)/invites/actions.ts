'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { acceptPendingInvite, declinePendingInvite } from '@/domain/data/invites';
import { fail, formFields, ok, type ActionResult } from '@/lib/action-result';
import { rememberCurrentAccount } from '@/lib/authz';
import { db } from '@/lib/db';
import { acceptInvite, declineInvite, type InviteRefusal } from '@/lib/invites/respond';
import { getSessionUser } from '@/lib/session';
import { tokenField } from '@/lib/validation';

const tokenSchema = z.object({ token: tokenField });
const inviteIdSchema = z.object({ inviteId: z.uuid() });
export type InviteAnswer = InviteRefusal | 'declined';

async function enterAccount(accountId: string): Promise<never> {
  await rememberCurrentAccount(accountId);
  redirect('/chargers');
}

export async function acceptInviteAction(_previous: ActionResult<InviteAnswer>, form: FormData): Promise<ActionResult<InviteAnswer>> {
  const input = tokenSchema.safeParse(formFields(form));
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return ok('invalid');
  const result = await acceptInvite(db(), { token: input.data.token, userId: user.id });
  if (result.ok) await enterAccount(result.value.accountId);
  return ok(result.ok ? 'used' : result.reason);
}

export async function declineInviteAction(_previous: ActionResult<InviteAnswer>, form: FormData): Promise<ActionResult<InviteAnswer>> {
  const input = tokenSchema.safeParse(formFields(form));
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return ok('invalid');
  const result = await declineInvite(db(), { token: input.data.token, userId: user.id });
  return ok(result.ok ? 'declined' : result.reason);
}

// From the dashboard, where the invite is named by id: only its invitee can answer it.
export async function answerInviteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const fields = formFields(form);
  const input = inviteIdSchema.safeParse(fields);
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  if (!input.success) return fail('notFound');
  const answer = { inviteId: input.data.inviteId, userId: user.id };
  if (fields.answer === 'decline') {
    if (!(await declinePendingInvite(db(), answer)).ok) return fail('notFound');
    revalidatePath('/dashboard');
    return ok(null);
  }
  const accepted = await acceptPendingInvite(db(), answer);
  if (!accepted.ok) return fail('notFound');
  return enterAccount(accepted.value.accountId);
}
