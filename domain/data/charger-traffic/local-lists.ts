import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { cardLocalLists, chargerLocalLists, chargers, type ChargerLocalList } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { preparedQuery } from '../prepared-query';
import { chargerEventQuery } from './notify';

// The charger's account, whether it has ever booted (no call goes to one not yet accepted, 1.6 §4.2), whether that
// boot came before its current connection (else the boot's own run syncs it, and the connection's run would only
// repeat it), what the platform knows of its list (null: nothing yet), and the account's list version now
// (`basisVersion`: read before the cards the run sends, so that a change made meanwhile is sent again after).
const chargerLocalList = preparedQuery((db) =>
  db
    .select({ accountId: chargers.accountId, hasBooted: sql<boolean>`${chargers.lastBootAt} is not null`,
      hasBootedBefore: sql<boolean>`${chargers.lastBootAt} is not null and (${chargers.connectedAt} is null or ${chargers.lastBootAt} < ${chargers.connectedAt})`,
      list: chargerLocalLists,
      basisVersion: sql<number>`coalesce(${cardLocalLists.version}, 0)`.mapWith(Number) })
    .from(chargers)
    .leftJoin(chargerLocalLists, eq(chargerLocalLists.chargerId, chargers.id))
    .leftJoin(cardLocalLists, eq(cardLocalLists.accountId, chargers.accountId))
    .where(and(eq(chargers.id, sql.placeholder('chargerId')), isNull(chargers.deletedAt)))
    .prepare('charger_local_list'),
);

export async function getChargerLocalList(db: Database, chargerId: string) {
  const [row] = await chargerLocalList(db).execute({ chargerId });
  return row ?? null;
}

const heldBy = (instanceId: string) => and(eq(chargers.instanceId, instanceId), eq(chargers.isOnline, true), isNull(chargers.deletedAt));

export async function listHeldChargerIds(db: Database, { accountId, instanceId }: { accountId: string; instanceId: string }) {
  const rows = await db.select({ id: chargers.id }).from(chargers).where(and(eq(chargers.accountId, accountId), heldBy(instanceId)));
  return rows.map((row) => row.id);
}

// Chargers this process holds whose list is behind the account's, for a change whose NOTIFY was missed or a sync
// the charger did not answer. One noted as not supporting the list, or too small for it, waits for its next boot or
// the next change.
export async function listHeldChargersOutOfSync(db: Database, { instanceId }: { instanceId: string }) {
  const rows = await db
    .select({ id: chargers.id })
    .from(chargerLocalLists)
    .innerJoin(chargers, eq(chargers.id, chargerLocalLists.chargerId))
    .where(
      and(
        heldBy(instanceId),
        sql`coalesce(${chargerLocalLists.syncedVersion} < ${chargerLocalLists.wantedVersion}, true)`,
        ne(chargerLocalLists.support, 'notSupported'),
        or(isNull(chargerLocalLists.lastResult), ne(chargerLocalLists.lastResult, 'tooLarge')),
      ),
    );
  return rows.map((row) => row.id);
}

export type LocalListRecord = Partial<Omit<ChargerLocalList, 'chargerId' | 'accountId' | 'wantedVersion'>>;

// `hadHeldEntries`: the run began from a known list. If "Sync to chargers" forgot it meanwhile (held_entries null),
// the run's result must not bring it back, or the whole list the owner asked for would never be sent.
export async function recordLocalListSync(db: Database, ref: ChargerRef, record: LocalListRecord, { hadHeldEntries }: { hadHeldEntries: boolean }) {
  const keepForgotten = hadHeldEntries && 'heldEntries' in record;
  const set = keepForgotten ? { ...record, heldEntries: sql`case when ${chargerLocalLists.heldEntries} is null then null else excluded.held_entries end` } : record;
  const written = db
    .insert(chargerLocalLists)
    .values({ chargerId: ref.chargerId, accountId: ref.accountId, ...record })
    .onConflictDoUpdate({ target: chargerLocalLists.chargerId, set });
  // One statement, its charger event sent on commit: the insert as its builder renders it (no parentheses).
  await db.execute(sql`with written as (${written.getSQL()}) ${chargerEventQuery({ ...ref, kind: 'local-list' })}`);
}
