'use server';

import { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/action-result';
import { getMembership, rememberCurrentAccount } from '@/lib/authz';

export async function switchAccountAction(accountId: string): Promise<ActionResult> {
  const input = z.uuid().safeParse(accountId);
  if (!input.success) return fail('notFound');
  const member = await getMembership(input.data);
  if (!member) return fail('forbidden');
  await rememberCurrentAccount(member.accountId);
  return ok(null);
}
