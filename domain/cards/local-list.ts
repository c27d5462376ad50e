import type { Database, Executor } from '../../db/client';
import { accountParentIdTag } from './household';
import type { LocalListEntries } from './local-list-plan';
import { listLocalListCards, listLocalListSyncs, markLocalListChanged, type LocalListState } from '../data/local-lists';

type AccountScope = { accountId: string };

// A charger's Local Authorization List (OCPP 1.6 §7.3 AuthorizationData), keyed by idTag: the account's cards, with a
// guest's refused at a charger not theirs or past their energy cap. A card that may no longer charge stays in it as
// Blocked or Expired rather than leaving it: a charger set to accept unknown cards while offline
// (AllowOfflineTxForUnknownId) would otherwise let it charge.
export async function wantedLocalList(db: Executor, { accountId, chargerId, now = new Date() }: AccountScope & { chargerId: string; now?: Date }): Promise<LocalListEntries> {
  const parentIdTag = accountParentIdTag(accountId);
  const entries: LocalListEntries = {};
  for (const card of await listLocalListCards(db, { accountId, chargerId })) {
    const isExpired = card.expiresAt !== null && card.expiresAt <= now;
    const status = card.status === 'blocked' || card.hasLeftUser || card.isBarredHere ? 'Blocked' : isExpired ? 'Expired' : 'Accepted';
    entries[card.idTag] = { status, ...(card.expiresAt ? { expiryDate: card.expiresAt.toISOString() } : {}), parentIdTag };
  }
  return entries;
}

// After every change to who may charge (a card added, edited, blocked, removed; a member removed).
export async function localListChanged(db: Executor, { accountId }: AccountScope) {
  return markLocalListChanged(db, { accountId });
}

export type LocalListSync = { wantedVersion: number; requestedAt: Date; chargers: LocalListState[] };

// "Sync to chargers": every charger gets the whole list again; waits a bounded time for the online ones to answer.
export async function syncLocalList(db: Database, { accountId }: AccountScope, { waitMs, everyMs = 200 }: { waitMs: number; everyMs?: number }): Promise<LocalListSync> {
  const requestedAt = new Date();
  const wantedVersion = await markLocalListChanged(db, { accountId, isFull: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const states = await listLocalListSyncs(db, { accountId });
    const online = states.filter((state) => state.isOnline && state.support !== 'notSupported');
    const isAnswered = (state: LocalListState) => state.isInSync || (state.lastSyncAt !== null && state.lastSyncAt >= requestedAt);
    if (online.every(isAnswered) || Date.now() > deadline) return { wantedVersion, requestedAt, chargers: online };
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
