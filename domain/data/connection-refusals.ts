import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, connectionRefusals } from '../../db/schema';
import { CONNECTION_REFUSAL_REASONS, type ConnectionRefusalReason } from '../chargers/connection-refusals';

// Why the charger has been turned away since it last got in (or ever, if it never did), newest first.
export async function listConnectionRefusals(db: Executor, { accountId, chargerId }: { accountId: string; chargerId: string }) {
  const rows = await db
    .select({
      reason: connectionRefusals.reason,
      count: connectionRefusals.count,
      firstAt: connectionRefusals.firstAt,
      lastAt: connectionRefusals.lastAt,
      remoteAddress: connectionRefusals.remoteAddress,
      detail: connectionRefusals.detail,
    })
    .from(connectionRefusals)
    .innerJoin(chargers, eq(chargers.id, connectionRefusals.chargerId))
    .where(
      and(
        eq(connectionRefusals.chargerId, chargerId),
        eq(chargers.accountId, accountId),
        gt(connectionRefusals.lastAt, sql`coalesce(${chargers.connectedAt}, '-infinity')`),
      ),
    )
    .orderBy(desc(connectionRefusals.lastAt));
  return rows.filter((row): row is typeof row & { reason: ConnectionRefusalReason } => (CONNECTION_REFUSAL_REASONS as readonly string[]).includes(row.reason));
}

export type ListedConnectionRefusal = Awaited<ReturnType<typeof listConnectionRefusals>>[number];
