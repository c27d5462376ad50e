'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { acceptPendingInvite, declinePendingInvite } from '@/domain/data/invites';
import { fail, ok } from '@/lib/action-result';
import { rememberCurrentAccount } from '@/lib/authz';
import { db } from '@/lib/db';
import { acceptInvite, declineInvite, type InviteRefusal } from '@/lib/invites/respond';
import { userAction } from '@/lib/user-action';
import { tokenField } from '@/lib/validation';

const tokenSchema = z.object({ token: tokenField });
const inviteIdSchema = z.object({ inviteId: z.uuid() });
export type InviteAnswer = InviteRefusal | 'declined';

async function enterAccount(accountId: string): Promise<never> {
  await rememberCurrentAccount(accountId);
  redirect('/chargers');
}

export const acceptInviteAction = userAction<typeof tokenSchema, InviteAnswer>(
  tokenSchema,
  async ({ input, user }) => {
    const result = await acceptInvite(db(), { token: input.token, userId: user.id });
    if (result.ok) await enterAccount(result.value.accountId);
    return ok(result.ok ? 'used' : result.reason);
  },
  { onInvalid: () => ok('invalid') },
);

export const declineInviteAction = userAction<typeof tokenSchema, InviteAnswer>(
  tokenSchema,
  async ({ input, user }) => {
    const result = await declineInvite(db(), { token: input.token, userId: user.id });
    return ok(result.ok ? 'declined' : result.reason);
  },
  { onInvalid: () => ok('invalid') },
);

// From the dashboard, where the invite is named by id: only its invitee can answer it.
export const answerInviteAction = userAction(
  inviteIdSchema,
  async ({ input, user, fields }) => {
    const answer = { inviteId: input.inviteId, userId: user.id };
    if (fields.answer === 'decline') {
      if (!(await declinePendingInvite(db(), answer)).ok) return fail('notFound');
      revalidatePath('/dashboard');
      return ok(null);
    }
    const accepted = await acceptPendingInvite(db(), answer);
    if (!accepted.ok) return fail('notFound');
    return enterAccount(accepted.value.accountId);
  },
  { onInvalid: 'notFound' },
);
