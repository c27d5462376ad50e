import { afterAll, afterEach, beforeAll } from 'vitest';
import { makeAccount, makeCard } from '@/db/seed/builders';
import { getLocalListState } from '@/domain/data/local-lists';
import type { OcppServer } from '@/ocpp-server/src/start';
import { startTestServer, testDb, waitFor } from '@/ocpp-server/test/helpers';
import { stopSimulators } from '@/ocpp-server/test/simulators';

// A test file's OCPP server that keeps the chargers' Local Authorization Lists.
export function localListServer() {
  const { db, sql } = testDb();
  let server: OcppServer;

  beforeAll(async () => {
    // A charger's boot comes just after its connection, within the delay, as with a real charger.
    server = await startTestServer({ isSyncingLocalLists: true, provisionDelayMs: 100 });
  });

  // See tests/cards/authorization.test.ts: the server must have seen every charger leave before it closes.
  afterEach(async () => {
    await stopSimulators();
    await waitFor(async () => server.connections.size === 0);
  });

  afterAll(async () => {
    await server?.close();
    await sql.end();
  });

  return { db, server: () => server };
}

// The charger holds the version the platform recorded as Accepted, and the platform counts it in sync.
export function syncedState(db: ReturnType<typeof testDb>['db'], { accountId, chargerId }: { accountId: string; chargerId: string }, simulated: { localList: { version: number } }) {
  return waitFor(async () => {
    const state = await getLocalListState(db, { accountId, chargerId });
    return state?.isInSync && state.acceptedVersion === simulated.localList.version ? state : null;
  });
}

// An account with a card in use, one that expires tomorrow, and a blocked one.
export async function accountWithListCards(db: ReturnType<typeof testDb>['db']) {
  const account = await makeAccount(db);
  const active = await makeCard(db, { accountId: account.id, idTag: 'ACTIVE01' });
  const expiring = await makeCard(db, { accountId: account.id, idTag: 'EXPIRING01', expiresAt: new Date(Date.now() + 86_400_000) });
  await makeCard(db, { accountId: account.id, idTag: 'BLOCKED01', status: 'blocked' });
  return { account, active, expiring };
}
