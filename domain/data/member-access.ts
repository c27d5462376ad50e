import { sql, type SQL } from 'drizzle-orm';
import { memberships, transactions } from '../../db/schema';

// The single place where a membership's own bounds are written down as SQL, so that every query that joins
// memberships admits the same people: a guest whose end time has passed is no member any more (the guest sweep then
// removes the row), and one limited to some chargers is a member only at those.
export const hasCurrentAccess = (): SQL<boolean> => sql<boolean>`(${memberships.accessEndsAt} is null or ${memberships.accessEndsAt} > now())`;

export const mayUseCharger = (chargerId: unknown): SQL<boolean> =>
  sql<boolean>`(${memberships.chargerIds} is null or ${chargerId} = any(${memberships.chargerIds}))`;

// A guest's energy cap counts every session of theirs in the account since they joined, running ones at their
// last known figure (none yet counts as nothing).
export const isWithinEnergyCap = (): SQL<boolean> => sql<boolean>`(${memberships.energyCapWh} is null or ${memberships.energyCapWh} > (
  select coalesce(sum(coalesce(t.energy_wh, 0)), 0) from ${transactions} t
  where t.account_id = ${memberships.accountId} and t.user_id = ${memberships.userId} and t.started_at >= ${memberships.createdAt}))`;

// Co-owners see and control every session of the account; drivers and guests only their own.
export const seesEverySession = (): SQL<boolean> => sql<boolean>`(${memberships.role} in ('owner', 'member'))`;
