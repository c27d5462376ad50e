'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail, fieldError, ok, type ErrorKey } from '@/lib/action-result';
import { CURRENT_ACCOUNT_COOKIE, type Membership } from '@/lib/authz';
import { endMembership } from '@/domain/people/end-membership';
import { revokePendingInvite } from '@/domain/data/invites';
import { setMemberRole } from '@/domain/data/memberships';
import { grantInAccount } from '@/domain/people/account-grant';
import { localListChanged } from '@/domain/cards/local-list';
import { getSecondFactors, hasSecondFactor, setAccountRequiresTwoFactor } from '@/domain/data/two-factor';
import { getUserById, renameAccount } from '@/domain/data/users';
import { db } from '@/lib/db';
import { inviteUser, resendInvite, type InviteSendRefusal } from '@/lib/invites/send-invite';
import { tellRemovedMember } from '@/lib/customers/tell-removed-member';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';
import { changeRoleSchema, inviteClaim, inviteUserSchema, memberClaim, renameAccountSchema, requireTwoFactorClaim } from './schemas';

const INVITE_ERRORS: Record<InviteSendRefusal, ErrorKey> = {
  alreadyMember: 'inviteAlreadyMember',
  alreadyInvited: 'inviteAlreadyPending',
  rateLimited: 'inviteRateLimited',
  emailFailed: 'emailFailed',
};

// The invite e-mail names the inviter, and speaks their language to someone who has none stored yet.
async function inviterOf(member: Membership) {
  const user = await getUserById(db(), member);
  return user && { accountId: member.accountId, inviterId: user.id, inviterName: user.name, inviterLocale: user.locale };
}

export const inviteUserAction = memberAction<typeof inviteUserSchema, string>(inviteUserSchema, async ({ input, member, values }) => {
  const inviter = await inviterOf(member);
  if (!inviter) return fail('forbidden', { values });
  const grant = await grantInAccount(db(), { accountId: member.accountId, grant: input.grant });
  if (!grant.ok) return fieldError('chargerIds', 'guestChargersGone', values);
  const result = await inviteUser(db(), inviter, { email: input.email, grant: grant.value });
  // An invite whose e-mail Resend refused is stored all the same, listed with its Resend button.
  if (result.ok || result.reason === 'emailFailed') revalidatePath('/customers');
  if (!result.ok) return fail(INVITE_ERRORS[result.reason], { values });
  return ok(input.email);
});

export const resendInviteAction = memberAction(
  inviteClaim,
  async ({ input, member }) => {
    const inviter = await inviterOf(member);
    if (!inviter) return fail('forbidden');
    const result = await resendInvite(db(), inviter, input.inviteId);
    if (!result.ok) return fail(result.reason === 'rateLimited' ? 'inviteRateLimited' : result.reason);
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

export const revokeInviteAction = memberAction(
  inviteClaim,
  async ({ input, member }) => {
    const result = await revokePendingInvite(db(), { accountId: member.accountId, inviteId: input.inviteId });
    if (!result.ok) return fail('notFound');
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

// The removed person is told by e-mail; an e-mail that could not go out does not undo the removal.
export const removeMemberAction = memberAction(
  memberClaim,
  async ({ input, member }) => {
    const result = await endMembership(db(), { accountId: member.accountId, userId: input.userId, requestedBy: member.userId });
    if (!result.ok) return fail(result.reason === 'notRemovable' ? 'memberNotRemovable' : 'notFound');
    await tellRemovedMember({ accountId: member.accountId, userId: input.userId, stoppedSessions: result.value.stoppedSessions });
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

// A new role takes effect at once; a guest's end and chargers reach the chargers' local lists with the next sync.
export const changeMemberRoleAction = memberAction(changeRoleSchema, async ({ input, member, values }) => {
  if (member.role !== 'owner') return fail('ownersOnly', { values });
  const grant = await grantInAccount(db(), { accountId: member.accountId, grant: input.grant });
  if (!grant.ok) return fieldError('chargerIds', 'guestChargersGone', values);
  const result = await setMemberRole(db(), { accountId: member.accountId, userId: input.userId, role: grant.value.role, limits: grant.value.limits });
  if (!result.ok) return fail('notFound', { values });
  await localListChanged(db(), { accountId: member.accountId });
  revalidatePath('/customers');
  return ok(null);
});

// Drivers and guests may leave too.
export const leaveAccountAction = memberAction(
  accountClaim,
  async ({ member }) => {
    if (member.role === 'owner') return fail('ownerCannotLeave');
    await endMembership(db(), { accountId: member.accountId, userId: member.userId, requestedBy: member.userId });
    (await cookies()).delete(CURRENT_ACCOUNT_COOKIE);
    redirect('/dashboard');
  },
  { onInvalid: 'notFound', permission: 'charge' },
);

// Owners only; an owner turns it on once they have a second factor themselves, so that it never locks them out.
export const requireTwoFactorAction = memberAction(
  requireTwoFactorClaim,
  async ({ input, member }) => {
    if (member.role !== 'owner') return fail('ownersOnly');
    if (input.required && !hasSecondFactor(await getSecondFactors(db(), { userId: member.userId }))) return fail('twoFactorSetUpFirst');
    await setAccountRequiresTwoFactor(db(), { accountId: member.accountId, required: input.required });
    revalidatePath('/customers');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

// Owners only. The header and the account switcher show the name, so every page of the layout is refreshed.
export const renameAccountAction = memberAction<typeof renameAccountSchema, string>(renameAccountSchema, async ({ input, member, values }) => {
  if (member.role !== 'owner') return fail('ownersOnly', { values });
  await renameAccount(db(), { accountId: member.accountId, name: input.name });
  revalidatePath('/', 'layout');
  return ok(input.name);
});
