import type { MemberRole } from '../../db/schema';

export const ROLES_TO_GRANT = ['member', 'driver', 'guest'] as const satisfies readonly MemberRole[];
export type GrantedRole = (typeof ROLES_TO_GRANT)[number];

// Owners and co-owners (`member`) run the account: settings, commands, cards, people, every session. Drivers and
// guests only charge, with their own cards, and see their own sessions.
export function canManageAccount(role: MemberRole): boolean {
  return role === 'owner' || role === 'member';
}

// What a member may do in an account: `manage` is everything an owner does; `charge` is what a driver may.
export type AccountPermission = 'manage' | 'charge';

export function roleAllows(role: MemberRole, permission: AccountPermission): boolean {
  return permission === 'charge' || canManageAccount(role);
}

// A guest's bounds: when their access ends, how much energy they may take, which chargers (null: no such bound).
export type GuestLimits = { accessEndsAt: Date | null; energyCapWh: number | null; chargerIds: string[] | null };
export const NO_LIMITS: GuestLimits = { accessEndsAt: null, energyCapWh: null, chargerIds: null };
