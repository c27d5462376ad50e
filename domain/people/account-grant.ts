import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers } from '../../db/schema';
import type { Grant } from '../data/invites';
import { failure, success, type Result } from '../data/result';

// A guest's chargers are claims from a form: only the account's own (not removed) stay. When none of them does, the
// grant is refused: no charger bound at all would let the guest use every charger.
export async function grantInAccount(db: Executor, { accountId, grant }: { accountId: string; grant: Grant }): Promise<Result<Grant, 'chargersGone'>> {
  const wanted = grant.limits.chargerIds;
  if (!wanted) return success(grant);
  const rows = await db
    .select({ id: chargers.id })
    .from(chargers)
    .where(and(eq(chargers.accountId, accountId), inArray(chargers.id, wanted), isNull(chargers.deletedAt)));
  if (rows.length === 0) return failure('chargersGone');
  return success({ ...grant, limits: { ...grant.limits, chargerIds: rows.map((row) => row.id) } });
}
