import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cardLocalLists, cards, chargerLocalLists, chargers, memberships } from '../../db/schema';
import { LOCAL_LIST_CHANGED_CHANNEL } from '../charging/charger-events';
import { hasCurrentAccess, isWithinEnergyCap, mayUseCharger } from './member-access';
import { preparedQuery } from './prepared-query';

type Scope = { accountId: string };

// Every physical card of the account the chargers should know: whether it may charge is decided by the caller
// (domain/cards/local-list.ts) from its status, expiry and whether its linked user still belongs to the account.
// The account's physical cards as one charger's list holds them: a guest's card is refused there when the charger is
// not one of theirs or their energy cap is used up, so that an offline charger refuses it too.
const localListCards = preparedQuery((db) =>
  db
    .select({
      idTag: cards.idTag,
      status: cards.status,
      // A guest's card expires in the chargers' own lists when their access ends, so that an offline charger refuses it too.
      expiresAt: sql<Date | null>`least(${cards.expiresAt}, ${memberships.accessEndsAt})`.mapWith(cards.expiresAt),
      hasLeftUser: sql<boolean>`${cards.userId} is not null and ${memberships.userId} is null`,
      isBarredHere: sql<boolean>`${memberships.userId} is not null and not (${mayUseCharger(sql`${sql.placeholder('chargerId')}::uuid`)} and ${isWithinEnergyCap()})`,
    })
    .from(cards)
    .leftJoin(memberships, and(eq(memberships.accountId, cards.accountId), eq(memberships.userId, cards.userId), hasCurrentAccess()))
    .where(and(eq(cards.accountId, sql.placeholder('accountId')), isNull(cards.deletedAt), eq(cards.kind, 'physical')))
    .orderBy(asc(cards.idTag))
    .prepare('local_list_cards'),
);

export async function listLocalListCards(db: Executor, { accountId, chargerId }: Scope & { chargerId: string }) {
  return localListCards(db).execute({ accountId, chargerId });
}

// Takes `count` new versions from the account's counter and returns the last; listVersion must grow with every
// differential update a charger accepts (1.6 §7.44 UpdateStatus VersionMismatch), so versions are never reused.
const listVersions = preparedQuery((db) =>
  db
    .insert(cardLocalLists)
    .values({ accountId: sql.placeholder('accountId'), version: sql.placeholder('count') })
    .onConflictDoUpdate({ target: cardLocalLists.accountId, set: { version: sql`${cardLocalLists.version} + excluded.version`, updatedAt: sql`now()` } })
    .returning({ version: cardLocalLists.version })
    .prepare('allocate_list_versions'),
);

export async function allocateListVersions(db: Executor, { accountId, count }: Scope & { count: number }): Promise<number> {
  const [row] = await listVersions(db).execute({ accountId, count });
  return row!.version;
}

// A change to who may charge: every charger of the account wants the list as it now stands, and the OCPP server
// holding each one's socket is told (NOTIFY on commit). `isFull` forgets what the chargers hold, so each gets a Full.
// One statement of the rule below, for one account.
export async function markLocalListChanged(db: Executor, { accountId, isFull = false }: Scope & { isFull?: boolean }) {
  const ctes = localListsChangedCtes(sql`(select ${accountId}::uuid as account_id, 1 as count) as changed`, { isFull });
  const [row] = await db.execute<{ version: number }>(sql`
    with ${sql.join(ctes, sql`, `)}
    select version, (select count(*) from listed) as listed from versions`);
  return row!.version;
}

// The rule for any number of accounts at once (a statement that closes many sessions, stop-writes.ts): `changed` is
// a relation of (account_id, count), an account a row, whose counter takes `count` versions (as allocateListVersions);
// every charger of those accounts wants its account's last one, and with `isFull` forgets what it holds. The CTEs are
// named versions, wanted and listed, and `listed` (a select: PostgreSQL runs it only if the statement reads it) sends
// the NOTIFYs. Rows are locked in key order, so that two such statements cannot deadlock on them.
export function localListsChangedCtes(changed: SQL, { isFull = false }: { isFull?: boolean } = {}): SQL[] {
  const reset = isFull ? sql`, held_entries = null` : sql``;
  return [
    sql`versions as (insert into ${cardLocalLists} (account_id, version) select account_id, count from ${changed} order by account_id
      on conflict (account_id) do update set version = ${cardLocalLists.version} + excluded.version, updated_at = now()
      returning account_id, version)`,
    sql`wanted as (insert into ${chargerLocalLists} (charger_id, account_id, wanted_version)
      select ${chargers.id}, ${chargers.accountId}, versions.version from versions join ${chargers} on ${chargers.accountId} = versions.account_id
      where ${chargers.deletedAt} is null order by ${chargers.id}
      on conflict (charger_id) do update set wanted_version = excluded.wanted_version ${reset})`,
    sql`listed as (select pg_notify(${LOCAL_LIST_CHANGED_CHANNEL}, account_id::text) from versions)`,
  ];
}

const listState = {
  chargerId: chargers.id,
  chargerName: chargers.name,
  isOnline: chargers.isOnline,
  acceptedVersion: chargerLocalLists.acceptedVersion,
  isInSync: sql<boolean>`coalesce(${chargerLocalLists.syncedVersion} >= ${chargerLocalLists.wantedVersion}, false)`,
  support: chargerLocalLists.support,
  supportNote: chargerLocalLists.supportNote,
  maxLength: chargerLocalLists.maxLength,
  lastResult: chargerLocalLists.lastResult,
  lastUpdateType: chargerLocalLists.lastUpdateType,
  lastEntryCount: chargerLocalLists.lastEntryCount,
  lastSyncAt: chargerLocalLists.lastSyncAt,
};

export type LocalListState = Awaited<ReturnType<typeof listLocalListSyncs>>[number];

// Each charger's list as the platform last left it, for the Cards page and the charger page.
export async function listLocalListSyncs(db: Executor, { accountId, chargerId }: Scope & { chargerId?: string }) {
  return db
    .select(listState)
    .from(chargers)
    .leftJoin(chargerLocalLists, eq(chargerLocalLists.chargerId, chargers.id))
    .where(and(eq(chargers.accountId, accountId), isNull(chargers.deletedAt), chargerId ? eq(chargers.id, chargerId) : undefined))
    .orderBy(asc(chargers.name));
}

export async function getLocalListState(db: Executor, scope: Scope & { chargerId: string }) {
  const [row] = await listLocalListSyncs(db, scope);
  return row ?? null;
}
