import { and, asc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { cardLocalLists, cards, chargers, memberships } from '../../db/schema';
import type { LocalAuthorization } from '../commands/actions';
import { enqueueCommand } from '../commands/enqueue';
import { sendCommand, type CommandOutcome } from '../commands/send';

type AccountScope = { accountId: string; requestedBy?: string | null };

// The cards a charger may accept on its own while offline: active, unexpired physical cards whose linked user
// (if any) still belongs to the account — the same cards domain/charging/authorize-card.ts accepts at a reader.
export async function localListEntries(db: Executor, accountId: string, now = new Date()): Promise<LocalAuthorization[]> {
  const rows = await db
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
  return rows.map(({ idTag, expiresAt }) => ({
    idTag,
    idTagInfo: expiresAt ? { status: 'Accepted', expiryDate: expiresAt.toISOString() } : { status: 'Accepted' },
  }));
}

async function nextVersion(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .insert(cardLocalLists)
    .values({ accountId, version: 1 })
    .onConflictDoUpdate({ target: cardLocalLists.accountId, set: { version: sql`${cardLocalLists.version} + 1`, updatedAt: new Date() } })
    .returning({ version: cardLocalLists.version });
  return row!.version;
}

async function onlineChargerIds(db: Executor, accountId: string) {
  const rows = await db
    .select({ id: chargers.id })
    .from(chargers)
    .where(and(eq(chargers.accountId, accountId), eq(chargers.isOnline, true), isNull(chargers.deletedAt)));
  return rows.map((row) => row.id);
}

// A full update (OCPP 1.6 §5.15) replaces whatever list the charger had, so one version serves every charger.
async function prepare(db: Database, accountId: string) {
  const listVersion = await nextVersion(db, accountId);
  const localAuthorizationList = await localListEntries(db, accountId);
  const chargerIds = await onlineChargerIds(db, accountId);
  return { chargerIds, payload: { listVersion, updateType: 'Full' as const, localAuthorizationList } };
}

export type ChargerSync = { chargerId: string; outcome: CommandOutcome | null };

// "Sync to chargers": sends the list to every online charger and waits a bounded time for their answers.
export async function syncLocalList(db: Database, { accountId, requestedBy }: AccountScope, { waitMs }: { waitMs: number }) {
  const { chargerIds, payload } = await prepare(db, accountId);
  const results = await Promise.all(
    chargerIds.map(async (chargerId): Promise<ChargerSync> => {
      const outcome = await sendCommand(db, { accountId, chargerId, action: 'SendLocalList', payload, requestedBy }, { waitMs });
      return { chargerId, outcome };
    }),
  );
  return { version: payload.listVersion, results };
}

// After a card change: once the owner has synced, the chargers' lists must follow, without making the owner wait.
export async function resendLocalListIfSynced(db: Database, { accountId, requestedBy }: AccountScope) {
  const [synced] = await db.select({ version: cardLocalLists.version }).from(cardLocalLists).where(eq(cardLocalLists.accountId, accountId));
  if (!synced) return null;
  const { chargerIds, payload } = await prepare(db, accountId);
  await Promise.all(chargerIds.map((chargerId) => enqueueCommand(db, { accountId, chargerId, action: 'SendLocalList', payload, requestedBy })));
  return { version: payload.listVersion, chargerIds };
}
