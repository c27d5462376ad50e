'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail, ok, type ErrorKey } from '@/lib/action-result';
import { CURRENT_ACCOUNT_COOKIE, type Membership } from '@/lib/authz';
import { endMembership } from '@/lib/customers/end-membership';
import { revokePendingInvite } from '@/lib/data/invites';
import { getUserById } from '@/lib/data/users';
import { inviteUser, resendInvite, type InviteResult } from '@/lib/invites/send-invite';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';
import { inviteClaim, inviteUserSchema, memberClaim } from './schemas';

const INVITE_ERRORS: Record<Exclude<InviteResult, 'sent'>, ErrorKey> = {
  noAccount: 'inviteNoAccount',
  alreadyMember: 'inviteAlreadyMember',
  alreadyInvited: 'inviteAlreadyPending',
  rateLimited: 'inviteRateLimited',
  emailFailed: 'emailFailed',
};

// The invite e-mail names the inviter.
async function inviterOf(member: Membership) {
  const user = await getUserById(member.userId);
  return user && { accountId: member.accountId, inviterId: user.id, inviterName: user.name };
}

export const inviteUserAction = memberAction<typeof inviteUserSchema, string>(inviteUserSchema, async ({ input, member, values }) => {
  const inviter = await inviterOf(member);
  if (!inviter) return fail('forbidden', { values });
  const result = await inviteUser(inviter, input.email);
  // An invite whose e-mail Resend refused is stored all the same, listed with its Resend button.
  if (result === 'sent' || result === 'emailFailed') revalidatePath('/customers');
  if (result !== 'sent') return fail(INVITE_ERRORS[result], { values });
  return ok(input.email);
});

export const resendInviteAction = memberAction(
  inviteClaim,
  async ({ input, member }) => {
    const inviter = await inviterOf(member);
    if (!inviter) return fail('forbidden');
    const result = await resendInvite(inviter, input.inviteId);
    if (result === 'rateLimited') return fail('inviteRateLimited');
    if (result === 'emailFailed') return fail('emailFailed');
    if (result === 'notFound') return fail('notFound');
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

export const revokeInviteAction = memberAction(
  inviteClaim,
  async ({ input, member }) => {
    if (!(await revokePendingInvite({ accountId: member.accountId, inviteId: input.inviteId }))) return fail('notFound');
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

export const removeMemberAction = memberAction(
  memberClaim,
  async ({ input, member }) => {
    if (!(await endMembership({ accountId: member.accountId, userId: input.userId, requestedBy: member.userId }))) return fail('memberNotRemovable');
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

export const leaveAccountAction = memberAction(
  accountClaim,
  async ({ member }) => {
    if (member.role === 'owner') return fail('ownerCannotLeave');
    await endMembership({ accountId: member.accountId, userId: member.userId, requestedBy: member.userId });
    (await cookies()).delete(CURRENT_ACCOUNT_COOKIE);
    redirect('/dashboard');
  },
  { onInvalid: 'notFound' },
);
