import { and, asc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cardLocalLists, cards, memberships } from '../../db/schema';
import { success, type Result } from './result';

type Scope = { accountId: string };

// The cards a charger may accept on its own while offline: active, unexpired physical cards whose linked user
// (if any) still belongs to the account — the same cards domain/charging/authorize-card.ts accepts at a reader.
export async function listLocalListCards(db: Executor, { accountId, now = new Date() }: Scope & { now?: Date }) {
  return db
    .select({ idTag: cards.idTag, expiresAt: cards.expiresAt })
    .from(cards)
    .leftJoin(memberships, and(eq(memberships.accountId, cards.accountId), eq(memberships.userId, cards.userId)))
    .where(
      and(
        eq(cards.accountId, accountId),
        isNull(cards.deletedAt),
        eq(cards.kind, 'physical'),
        eq(cards.status, 'active'),
        or(isNull(cards.expiresAt), gt(cards.expiresAt, now)),
        or(isNull(cards.userId), isNotNull(memberships.userId)),
      ),
    )
    .orderBy(asc(cards.idTag));
}

export async function getLocalListVersion(db: Executor, { accountId }: Scope): Promise<number | null> {
  const [row] = await db.select({ version: cardLocalLists.version }).from(cardLocalLists).where(eq(cardLocalLists.accountId, accountId));
  return row?.version ?? null;
}

// The account's list gets a new version each time it is sent (the first one is 1).
export async function nextLocalListVersion(db: Executor, { accountId }: Scope): Promise<Result<{ version: number }>> {
  const [row] = await db
    .insert(cardLocalLists)
    .values({ accountId, version: 1 })
    .onConflictDoUpdate({ target: cardLocalLists.accountId, set: { version: sql`${cardLocalLists.version} + 1`, updatedAt: new Date() } })
    .returning({ version: cardLocalLists.version });
  return success({ version: row!.version });
}

// The last SendLocalList of each charger of the account, for the sync summary.
export async function listLocalListSyncs(db: Executor, { accountId }: Scope) {
  const rows = await db.execute<{
    charger_id: string;
    charger_name: string;
    is_online: boolean;
    status: string | null;
    error: string | null;
    list_version: number | null;
    at: Date | string | null;
  }>(sql`
    select ch.id as charger_id, ch.name as charger_name, ch.is_online, c.status, c.error,
      (c.payload->>'listVersion')::int as list_version, coalesce(c.completed_at, c.created_at) as at
    from chargers ch
    left join lateral (
      select status, error, payload, completed_at, created_at from charger_commands
      where charger_id = ch.id and action = 'SendLocalList' order by created_at desc limit 1
    ) c on true
    where ch.account_id = ${accountId} and ch.deleted_at is null
    order by ch.name`);
  return rows.map((row) => ({
    chargerId: row.charger_id,
    chargerName: row.charger_name,
    isOnline: row.is_online,
    status: row.status,
    error: row.error,
    listVersion: row.list_version,
    at: row.at === null ? null : new Date(row.at),
  }));
}
