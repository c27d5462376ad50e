import type { Database, Executor } from '../../db/client';
import type { LocalAuthorization } from '../commands/actions';
import { enqueueCommand } from '../commands/enqueue';
import { accountParentIdTag } from './household';
import { sendCommand, type CommandOutcome } from '../commands/send';
import { listOnlineChargerIds } from '../data/chargers';
import { getLocalListVersion, listLocalListCards, nextLocalListVersion } from '../data/local-lists';
import { failure, success, type Result } from '../data/result';

type AccountScope = { accountId: string; requestedBy?: string | null };

// The Local Authorization List of the account as OCPP 1.6 §7.3 AuthorizationData.
async function localListEntries(db: Executor, accountId: string, now = new Date()): Promise<LocalAuthorization[]> {
  const rows = await listLocalListCards(db, { accountId, now });
  const parentIdTag = accountParentIdTag(accountId);
  return rows.map(({ idTag, expiresAt }) => ({
    idTag,
    idTagInfo: { status: 'Accepted', ...(expiresAt ? { expiryDate: expiresAt.toISOString() } : {}), parentIdTag },
  }));
}

// A full update (OCPP 1.6 §5.15) replaces whatever list the charger had, so one version serves every charger.
async function prepare(db: Database, accountId: string) {
  const { value } = await nextLocalListVersion(db, { accountId });
  const localAuthorizationList = await localListEntries(db, accountId);
  const chargerIds = await listOnlineChargerIds(db, { accountId });
  return { chargerIds, payload: { listVersion: value.version, updateType: 'Full' as const, localAuthorizationList } };
}

export type ChargerSync = { chargerId: string; outcome: CommandOutcome | null };

// "Sync to chargers": sends the list to every online charger and waits a bounded time for their answers.
export async function syncLocalList(db: Database, { accountId, requestedBy }: AccountScope, { waitMs }: { waitMs: number }) {
  const { chargerIds, payload } = await prepare(db, accountId);
  const results = await Promise.all(
    chargerIds.map(async (chargerId): Promise<ChargerSync> => {
      const sent = await sendCommand(db, { accountId, chargerId, action: 'SendLocalList', payload, requestedBy }, { waitMs });
      return { chargerId, outcome: sent.ok ? sent.value : null };
    }),
  );
  return { version: payload.listVersion, results };
}

// After a card change: once the owner has synced, the chargers' lists must follow, without making the owner wait.
export async function resendLocalListIfSynced(db: Database, { accountId, requestedBy }: AccountScope): Promise<Result<{ version: number; chargerIds: string[] }, 'neverSynced'>> {
  if ((await getLocalListVersion(db, { accountId })) === null) return failure('neverSynced');
  const { chargerIds, payload } = await prepare(db, accountId);
  await Promise.all(chargerIds.map((chargerId) => enqueueCommand(db, { accountId, chargerId, action: 'SendLocalList', payload, requestedBy })));
  return success({ version: payload.listVersion, chargerIds });
}
