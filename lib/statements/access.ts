import 'server-only';
import { canManageAccount } from '@/domain/people/roles';
import { parseHolderKey, type Holder } from '@/domain/statements/holder';
import { getCurrentMembership, requireCurrentMembership, type Membership } from '@/lib/authz';

// An owner or co-owner opens anyone's statement in the account; a driver or guest only their own.
export function mayReadStatement(member: Membership, holder: Holder): boolean {
  return canManageAccount(member.role) || holder.userId === member.userId;
}

export async function requireStatementAccess(key: string): Promise<{ member: Membership; holder: Holder } | null> {
  const member = await requireCurrentMembership();
  const holder = parseHolderKey(key);
  return holder && mayReadStatement(member, holder) ? { member, holder } : null;
}

// For the downloads: no redirect, just nothing for someone who may not read it.
export async function statementAccessForDownload(key: string): Promise<{ member: Membership; holder: Holder } | null> {
  const member = await getCurrentMembership();
  const holder = parseHolderKey(key);
  return member && holder && mayReadStatement(member, holder) ? { member, holder } : null;
}
