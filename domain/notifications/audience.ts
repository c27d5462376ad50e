import type { MemberRole, NotificationKind } from '../../db/schema';
import { canManageAccount } from '../people/roles';

// Who may get what: a session's own user hears that it finished; faults and people changes go to those who run the
// account (owners and co-owners). Each is on by default for its audience, until the user turns it off.
const MANAGER_KINDS: readonly NotificationKind[] = ['session-finished', 'charger-faulted', 'member-joined', 'member-left'];
const DRIVER_KINDS: readonly NotificationKind[] = ['session-finished'];

export function notificationKindsFor(role: MemberRole): readonly NotificationKind[] {
  return canManageAccount(role) ? MANAGER_KINDS : DRIVER_KINDS;
}
