import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardLocalLists, cards, chargerCommands } from '@/db/schema';
import { makeAccount, makeCard, makeCharger } from '@/db/seed/builders';
import { accountParentIdTag } from '@/domain/cards/household';
import { resendLocalListIfSynced, syncLocalList } from '@/domain/cards/local-list';
import { listLocalListSyncs } from '@/domain/data/local-lists';
import type { OcppServer } from '@/ocpp-server/src/start';
import { startTestServer, testDb, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, stopSimulators } from '@/ocpp-server/test/simulators';

const { db, sql } = testDb();
let server: OcppServer;

beforeAll(async () => {
  server = await startTestServer();
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

async function accountWithCards() {
  const account = await makeAccount(db);
  const scope = { accountId: account.id, requestedBy: account.owner.id };
  const active = await makeCard(db, { accountId: account.id, idTag: 'ACTIVE01' });
  const expiring = await makeCard(db, { accountId: account.id, idTag: 'EXPIRING01', expiresAt: new Date(Date.now() + 86_400_000) });
  await makeCard(db, { accountId: account.id, idTag: 'BLOCKED01', status: 'blocked' });
  await makeCard(db, { accountId: account.id, idTag: 'EXPIRED01', expiresAt: new Date(Date.now() - 1000) });
  await makeCard(db, { accountId: account.id, idTag: 'DELETED01', deletedAt: new Date() });
  await makeCard(db, { accountId: account.id, kind: 'virtual', userId: account.owner.id, idTag: 'VVIRTUAL0000001' });
  return { account, scope, active, expiring };
}

describe('Local Authorization List sync', () => {
  it('sends only active, unexpired physical cards to online chargers as a full list with a growing version', async () => {
    const { account, scope, expiring } = await accountWithCards();
    const charger = await makeCharger(db, { accountId: account.id });
    const offline = await makeCharger(db, { accountId: account.id, name: 'Offline charger' });
    const simulated = await startSimulator(server, { identity: charger.identity });

    const first = await syncLocalList(db, scope, { waitMs: 5000 });
    expect(first.version).toBe(1);
    expect(first.results).toEqual([{ chargerId: charger.id, outcome: expect.objectContaining({ status: 'accepted' }) }]);
    expect(simulated.localList.version).toBe(1);
    expect([...simulated.localList.entries]).toEqual([
      ['ACTIVE01', { status: 'Accepted', parentIdTag: accountParentIdTag(account.id) }],
      ['EXPIRING01', { status: 'Accepted', expiryDate: expiring.expiresAt!.toISOString(), parentIdTag: accountParentIdTag(account.id) }],
    ]);

    const second = await syncLocalList(db, scope, { waitMs: 5000 });
    expect(second.version).toBe(2);
    expect(simulated.localList.version).toBe(2);
    const syncs = await listLocalListSyncs(db, { accountId: account.id });
    expect(syncs.find((sync) => sync.chargerId === charger.id)).toMatchObject({ status: 'accepted', listVersion: 2, isOnline: true });
    expect(syncs.find((sync) => sync.chargerId === offline.id)).toMatchObject({ status: null, isOnline: false });
  });

  it('re-sends the list after a card change once the account has synced, and not before', async () => {
    const { account, scope, active } = await accountWithCards();
    const charger = await makeCharger(db, { accountId: account.id });
    const simulated = await startSimulator(server, { identity: charger.identity });

    expect(await resendLocalListIfSynced(db, scope)).toEqual({ ok: false, reason: 'neverSynced' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);

    await syncLocalList(db, scope, { waitMs: 5000 });
    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD01' });
    await db.update(cards).set({ status: 'blocked' }).where(eq(cards.id, active.id));
    expect(await resendLocalListIfSynced(db, scope)).toEqual({ ok: true, value: { version: 2, chargerIds: [charger.id] } });
    await waitFor(async () => simulated.localList.version === 2);
    expect([...simulated.localList.entries.keys()]).toEqual(['EXPIRING01', 'NEWCARD01']);
    const [version] = await db.select().from(cardLocalLists).where(eq(cardLocalLists.accountId, account.id));
    expect(version?.version).toBe(2);
  });
});
