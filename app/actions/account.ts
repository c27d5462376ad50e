'use server';

import { ok, type ActionResult } from '@/lib/action-result';
import { rememberCurrentAccount } from '@/lib/authz';
import { asMember } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';

// Called with the chosen account's id rather than a form, from the header's account switcher. Drivers and guests
// choose their accounts too.
export async function switchAccountAction(accountId: string): Promise<ActionResult> {
  const fields = { accountId: typeof accountId === 'string' ? accountId : '' };
  return asMember(
    fields,
    {},
    accountClaim,
    async ({ member }) => {
      await rememberCurrentAccount(member.accountId);
      return ok(null);
    },
    { onInvalid: 'notFound', permission: 'charge' },
  );
}
