import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers } from '../../db/schema';
import type { Grant } from '../data/invites';

// A guest's chargers are claims from a form: only the account's own (not removed) stay.
export async function grantInAccount(db: Executor, { accountId, grant }: { accountId: string; grant: Grant }): Promise<Grant> {
  const wanted = grant.limits.chargerIds;
  if (!wanted) return grant;
  const rows = await db
    .select({ id: chargers.id })
    .from(chargers)
    .where(and(eq(chargers.accountId, accountId), inArray(chargers.id, wanted), isNull(chargers.deletedAt)));
  const chargerIds = rows.map((row) => row.id);
  return { ...grant, limits: { ...grant.limits, chargerIds: chargerIds.length > 0 ? chargerIds : null } };
}
