import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { wantedLocalList } from '../../../domain/cards/local-list';
import { LOCAL_LIST_CHANGED_CHANNEL } from '../../../domain/charging/charger-events';
import { allocateListVersions } from '../../../domain/data/local-lists';
import { getChargerLocalList, listHeldChargerIds, listHeldChargersOutOfSync, recordLocalListSync } from '../../../domain/data/charger-traffic/local-lists';
import type { BackgroundSlots } from '../background-slots';
import { createChargerRuns } from '../charger-runs';
import type { Connections } from '../connections';
import { listenWithSweep } from '../listen-with-sweep';
import type { Logger } from '../logger';
import { syncChargerList, type LocalListSyncReason } from './sync';
import { v16LocalList } from './v16-list';
import { v201LocalList } from './v201-list';

// What arrives during a run starts one more after it, the boot's reason winning, since only a boot asks again a
// charger noted as not supporting the list.
export const nextLocalListReason = (waiting: LocalListSyncReason | undefined, arriving: LocalListSyncReason) => (waiting === 'boot' ? waiting : arriving);

// A run not yet started keeps the strongest reason folded into it: a boot, then a reconnect (both ask the charger its
// list version, which a change or a sweep does not), so a card edited during a fleet's reconnect does not make the
// platform send a Differential to a charger whose list it never checked.
const LIST_REASON_STRENGTH: Record<LocalListSyncReason, number> = { boot: 2, reconnect: 1, change: 0, sweep: 0 };
export const foldLocalListReason = (waiting: LocalListSyncReason, arriving: LocalListSyncReason) =>
  LIST_REASON_STRENGTH[arriving] >= LIST_REASON_STRENGTH[waiting] ? arriving : waiting;

// An owner's change to the account's cards or members: its runs do not wait in the background line.
export const isOwnerListReason = (reason: LocalListSyncReason) => reason === 'change';

type SyncerOptions = { db: Database; sql: Sql; connections: Connections; log: Logger; instanceId: string; callTimeoutMs: number; delayMs: number; slots: BackgroundSlots; sweepEveryMs?: number };

// Keeps the Local Authorization List of each charger this process holds, in the protocol it speaks, equal to what its account wants there
// (domain/cards/local-list.ts): at its boot and
// each reconnect (it is asked its version), after each change to the account's cards or members (NOTIFY from the
// web app), and on a sweep for NOTIFYs missed and chargers that did not answer. One charger has one run at a time
// (src/charger-runs.ts, reasons merged as above).
export async function startLocalListSyncer({ db, sql, connections, log, instanceId, callTimeoutMs, delayMs, slots, sweepEveryMs = 60_000 }: SyncerOptions) {
  async function sync(chargerId: string, reason: LocalListSyncReason) {
    const client = connections.get(chargerId);
    if (!client) return;
    const found = await getChargerLocalList(db, chargerId);
    if (!found?.hasBooted || (reason === 'reconnect' && !found.hasBootedBefore)) return;
    if (found.list?.support === 'notSupported' && reason !== 'boot') return;
    const { accountId, basisVersion } = found;
    const wanted = await wantedLocalList(db, { accountId, chargerId });
    const allocateVersions = (count: number) => allocateListVersions(db, { accountId, count });
    const list = client.protocol === 'ocpp2.0.1' ? v201LocalList(client, callTimeoutMs) : v16LocalList(client, callTimeoutMs);
    const record = await syncChargerList(list, { state: found.list, wanted, basisVersion, reason, allocateVersions });
    await recordLocalListSync(db, { chargerId, accountId }, record, { hadHeldEntries: found.list?.heldEntries != null });
    log.info({ chargerId, reason, result: record.lastResult ?? 'unchanged', version: record.acceptedVersion }, 'local list synced');
  }

  const { schedule, settled } = createChargerRuns<LocalListSyncReason>({
    delayMs,
    log,
    name: 'local list sync',
    run: sync,
    nextReason: nextLocalListReason,
    foldReason: foldLocalListReason,
    skipsLine: isOwnerListReason,
    slots,
    isConnected: (chargerId) => connections.get(chargerId) !== undefined,
  });

  async function onChange(accountId: string) {
    for (const chargerId of await listHeldChargerIds(db, { accountId, instanceId })) void schedule(chargerId, 'change');
  }

  const stopListening = await listenWithSweep(sql, LOCAL_LIST_CHANGED_CHANNEL, {
    onNotify: (accountId) => void onChange(accountId).catch((error: unknown) => log.error({ err: error, accountId }, 'local list change not handled')),
    sweep: async () => {
      const chargerIds = await listHeldChargersOutOfSync(db, { instanceId }).catch(() => []);
      for (const chargerId of chargerIds) void schedule(chargerId, 'sweep');
    },
    sweepEveryMs,
  });

  return {
    schedule,
    async stop() {
      await stopListening();
      await settled();
    },
  };
}

export type LocalListSyncer = Awaited<ReturnType<typeof startLocalListSyncer>>;
