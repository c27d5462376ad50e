'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail, formFields, formValues, invalid, ok, type ActionResult, type ErrorKey } from '@/lib/action-result';
import { CURRENT_ACCOUNT_COOKIE, getMembership } from '@/lib/authz';
import { endMembership } from '@/lib/customers/end-membership';
import { revokePendingInvite } from '@/lib/data/invites';
import { getUserById } from '@/lib/data/users';
import { inviteUser, resendInvite, type InviteResult } from '@/lib/invites/send-invite';
import { accountClaim, inviteClaim, inviteUserSchema, memberClaim } from './schemas';

const INVITE_ERRORS: Record<Exclude<InviteResult, 'sent'>, ErrorKey> = {
  noAccount: 'inviteNoAccount',
  alreadyMember: 'inviteAlreadyMember',
  alreadyInvited: 'inviteAlreadyPending',
  rateLimited: 'inviteRateLimited',
  emailFailed: 'emailFailed',
};

async function inviterFor(accountId: string) {
  const member = await getMembership(accountId);
  if (!member) return null;
  const user = await getUserById(member.userId);
  return user && { accountId: member.accountId, inviterId: user.id, inviterName: user.name };
}

export async function inviteUserAction(_previous: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const values = formValues(form);
  const input = inviteUserSchema.safeParse(formFields(form));
  if (!input.success) return invalid(input.error, values);
  const inviter = await inviterFor(input.data.accountId);
  if (!inviter) return fail('forbidden', { values });
  const result = await inviteUser(inviter, input.data.email);
  // An invite whose e-mail Resend refused is stored all the same, listed with its Resend button.
  if (result === 'sent' || result === 'emailFailed') revalidatePath('/customers');
  if (result !== 'sent') return fail(INVITE_ERRORS[result], { values });
  return ok(input.data.email);
}

export async function resendInviteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = inviteClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const inviter = await inviterFor(input.data.accountId);
  if (!inviter) return fail('forbidden');
  const result = await resendInvite(inviter, input.data.inviteId);
  if (result === 'rateLimited') return fail('inviteRateLimited');
  if (result === 'emailFailed') return fail('emailFailed');
  if (result === 'notFound') return fail('notFound');
  revalidatePath('/customers');
  return ok(null);
}

export async function revokeInviteAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = inviteClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  if (!(await revokePendingInvite({ accountId: member.accountId, inviteId: input.data.inviteId }))) return fail('notFound');
  revalidatePath('/customers');
  return ok(null);
}

export async function removeMemberAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = memberClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  if (!(await endMembership({ accountId: member.accountId, userId: input.data.userId, requestedBy: member.userId }))) return fail('memberNotRemovable');
  revalidatePath('/customers');
  return ok(null);
}

export async function leaveAccountAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = accountClaim.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data.accountId);
  if (!member) return fail('forbidden');
  if (member.role === 'owner') return fail('ownerCannotLeave');
  await endMembership({ accountId: member.accountId, userId: member.userId, requestedBy: member.userId });
  (await cookies()).delete(CURRENT_ACCOUNT_COOKIE);
  redirect('/dashboard');
}
