import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { isHttpsDeployment } from '@/lib/config';
import { getDefaultMembership, getMembershipRow, type Membership } from '@/domain/data/memberships';
import { db } from '@/lib/db';
import { getSessionUser } from '@/lib/session';

export type { Membership };
export const CURRENT_ACCOUNT_COOKIE = 'cw_account';

// Every check answers one question: is the session user a member of the account that owns the
// target? An accountId from a form or a URL is only a claim until this says yes.
export const getMembership = cache(async (accountId: string): Promise<Membership | null> => {
  const user = await getSessionUser();
  if (!user || !z.uuid().safeParse(accountId).success) return null;
  return getMembershipRow(db(), { userId: user.id, accountId });
});

// The account the user is working in: the one chosen in the header if they still belong to it.
export const getCurrentMembership = cache(async (): Promise<Membership | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const chosen = (await cookies()).get(CURRENT_ACCOUNT_COOKIE)?.value;
  const membership = chosen ? await getMembership(chosen) : null;
  return membership ?? getDefaultMembership(db(), { userId: user.id });
});

export async function requireCurrentMembership(): Promise<Membership> {
  const membership = await getCurrentMembership();
  if (!membership) redirect('/login');
  return membership;
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
