import type { MemberRole, NotificationKind } from '../../db/schema';
import { canManageAccount } from '../people/roles';

// Who may get what: a session's own user hears that it started and finished, and that their monthly statement is
// ready; faults, outages and people changes go to those who run the account (owners and co-owners). Each is on by
// default for its audience, until the user turns it off. In the order the Profile page lists them.
const SESSION_KINDS = ['session-started', 'session-finished', 'statement-ready'] as const satisfies readonly NotificationKind[];
const MANAGER_KINDS: readonly NotificationKind[] = [...SESSION_KINDS, 'charger-faulted', 'charger-offline', 'charger-back', 'member-joined', 'member-left'];

export function notificationKindsFor(role: MemberRole): readonly NotificationKind[] {
  return canManageAccount(role) ? MANAGER_KINDS : SESSION_KINDS;
}
