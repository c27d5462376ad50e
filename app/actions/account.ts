'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/action-result';
import { CURRENT_ACCOUNT_COOKIE, getMembership } from '@/lib/authz';

export async function switchAccountAction(accountId: string): Promise<ActionResult> {
  const input = z.uuid().safeParse(accountId);
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data);
  if (!member) return fail('forbidden');
  (await cookies()).set(CURRENT_ACCOUNT_COOKIE, member.accountId, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return ok(null);
}
