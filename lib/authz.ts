import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { isHttpsDeployment } from '@/lib/config';
import { getDefaultMembership, getMembershipRow, type Membership } from '@/domain/data/memberships';
import { canManageAccount } from '@/domain/people/roles';
import { db } from '@/lib/db';
import { getSessionUser } from '@/lib/session';

export type { Membership };
export const CURRENT_ACCOUNT_COOKIE = 'cw_account';

// The session user's membership of an account, whether or not it admits them yet (twoFactorMissing). An accountId
// from a form or a URL is only a claim until this finds the row.
export const getMembershipClaim = cache(async (accountId: string): Promise<Membership | null> => {
  const user = await getSessionUser();
  if (!user || !z.uuid().safeParse(accountId).success) return null;
  return getMembershipRow(db(), { userId: user.id, accountId });
});

const admitted = (membership: Membership | null) => (membership && !membership.twoFactorMissing ? membership : null);

// Every check answers one question: is the session user a member of the account that owns the target, with the
// second factor the account requires?
export const getMembership = cache(async (accountId: string): Promise<Membership | null> => admitted(await getMembershipClaim(accountId)));

// The account the user is working in: the one chosen in the header if they still belong to it. It may not admit them
// yet (requireCurrentMembership sends them to set up two-factor).
export const getCurrentMembershipClaim = cache(async (): Promise<Membership | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const chosen = (await cookies()).get(CURRENT_ACCOUNT_COOKIE)?.value;
  const membership = chosen ? await getMembershipClaim(chosen) : null;
  return membership ?? getDefaultMembership(db(), { userId: user.id });
});

export const getCurrentMembership = cache(async (): Promise<Membership | null> => admitted(await getCurrentMembershipClaim()));

export const TWO_FACTOR_SETUP_PATH = '/profile/security?required=1';

export async function requireCurrentMembership(): Promise<Membership> {
  const membership = await getCurrentMembershipClaim();
  if (!membership) redirect('/login');
  if (membership.twoFactorMissing) redirect(TWO_FACTOR_SETUP_PATH);
  return membership;
}

// For pages of settings, commands, cards and people: a driver or guest is sent to Charge, where their part is.
export async function requireManagingMembership(): Promise<Membership> {
  const membership = await requireCurrentMembership();
  if (!canManageAccount(membership.role)) redirect('/charge');
  return membership;
}

// The user whose sessions alone a member sees: a driver or guest their own, a co-owner everyone's (undefined).
export function ownSessionsOnly(membership: Membership): string | undefined {
  return canManageAccount(membership.role) ? undefined : membership.userId;
}

// Remembers the account chosen in the header. Only a claim (getCurrentMembership checks it), but
// still kept from scripts and other sites, and sent over TLS only when the platform is served over it.
export async function rememberCurrentAccount(accountId: string): Promise<void> {
  (await cookies()).set(CURRENT_ACCOUNT_COOKIE, accountId, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: isHttpsDeployment(),
  });
}
