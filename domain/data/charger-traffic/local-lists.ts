import { and, eq, isNull, ne, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { cardLocalLists, chargerLocalLists, chargers, type ChargerLocalList } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { preparedQuery } from '../prepared-query';
import { assignments, columnList, excludedValue } from './columns';
import { preparedStatement } from './prepared';
import { chargerEventsOf, jsonbSafe, recordDefinition, recordField } from './recordset';

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

// Every field a sync may record, by its property: a key the record does not hold leaves its column as it was.
const RECORD_FIELDS = {
  acceptedVersion: chargerLocalLists.acceptedVersion,
  heldEntries: chargerLocalLists.heldEntries,
  syncedVersion: chargerLocalLists.syncedVersion,
  support: chargerLocalLists.support,
  supportNote: chargerLocalLists.supportNote,
  maxLength: chargerLocalLists.maxLength,
  sendMaxLength: chargerLocalLists.sendMaxLength,
  lastResult: chargerLocalLists.lastResult,
  lastUpdateType: chargerLocalLists.lastUpdateType,
  lastEntryCount: chargerLocalLists.lastEntryCount,
  lastSyncAt: chargerLocalLists.lastSyncAt,
} satisfies Record<keyof LocalListRecord, AnyColumn>;

const hasField = (name: string) => sql`(select run.record ? ${name} from run)`;

// A new row takes a column's default where the record is silent.
const inserted = Object.entries(RECORD_FIELDS).map(([name, target]) =>
  target.default === undefined ? recordField(name) : sql`coalesce(${recordField(name)}, ${target.default})`,
);

// `hadHeldEntries`: the run began from a known list. If "Sync to chargers" forgot it meanwhile (held_entries null),
// the run's result must not bring it back, or the whole list the owner asked for would never be sent.
const updated = assignments(
  chargerLocalLists,
  Object.fromEntries(
    Object.entries(RECORD_FIELDS).map(([name, target]) => {
      const kept = sql`${target}`;
      const given = target === chargerLocalLists.heldEntries
        ? sql`case when (select run.had_held_entries from run) and ${kept} is null then null else ${excludedValue(target)} end`
        : excludedValue(target);
      return [name, sql`case when ${hasField(name)} then ${given} else ${kept} end`];
    }),
  ),
);

// One statement of fixed text, compiled once, its charger event sent on commit; the run is one jsonb parameter.
const recordSync = preparedStatement(['run'], ({ run }) => sql`
  with run as (
    select value -> 'record' as record, (value ->> 'chargerId')::uuid as charger_id, (value ->> 'accountId')::uuid as account_id,
      (value ->> 'hadHeldEntries')::boolean as had_held_entries
    from (select ${run}::text::jsonb as value) as given),
  written as (
    insert into ${chargerLocalLists} (${columnList([chargerLocalLists.chargerId, chargerLocalLists.accountId, ...Object.values(RECORD_FIELDS)])})
    select run.charger_id, run.account_id, ${sql.join(inserted, sql`, `)}
    from run, jsonb_to_record(run.record) as v(${recordDefinition(RECORD_FIELDS)})
    on conflict (${columnList([chargerLocalLists.chargerId])}) do update set ${updated})
  ${chargerEventsOf(sql`run`, 'local-list')}`);

export async function recordLocalListSync(db: Database, ref: ChargerRef, record: LocalListRecord, { hadHeldEntries }: { hadHeldEntries: boolean }) {
  await recordSync(db, { run: jsonbSafe(JSON.stringify({ ...ref, hadHeldEntries, record })) });
}
