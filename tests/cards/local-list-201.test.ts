import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerLocalLists, chargers } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { accountParentIdTag } from '@/domain/cards/household';
import { localListChanged } from '@/domain/cards/local-list';
import { setCardStatus } from '@/domain/data/cards';
import { getLocalListState } from '@/domain/data/local-lists';
import { goOffline, reconnect } from '@/ocpp-server/simulator/local-auth-list';
import { connectClient, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator201 } from '@/ocpp-server/test/simulators';
import { accountWithListCards, localListServer, syncedState } from './local-list-server';

// tests/cards/local-list.test.ts for chargers speaking OCPP 2.0.1: the same list, sent as 2.0.1's SendLocalList (D01).
const { db, server } = localListServer();

const accountWithCards = () => accountWithListCards(db);

const synced = (accountId: string, chargerId: string, simulated: { localList: { version: number } }) => syncedState(db, { accountId, chargerId }, simulated);

const listRow = async (chargerId: string) => (await db.select().from(chargerLocalLists).where(eq(chargerLocalLists.chargerId, chargerId)))[0];

describe('Local Authorization List of a 2.0.1 charger', () => {
  it('sends the whole list at boot, then only the difference; a card blocked while the charger was away is refused by its own list', async () => {
    const { account, active, expiring } = await accountWithCards();
    const charger = await makeCharger(db, { accountId: account.id });
    const simulated = await startSimulator201(server(), { identity: charger.identity, evses: 1 });
    const first = await synced(account.id, charger.id, simulated);
    const parentIdTag = accountParentIdTag(account.id);
    expect(Object.fromEntries(simulated.localList.entries)).toEqual({
      ACTIVE01: { status: 'Accepted', parentIdTag },
      EXPIRING01: { status: 'Accepted', expiryDate: expiring.expiresAt!.toISOString(), parentIdTag },
      BLOCKED01: { status: 'Blocked', parentIdTag },
    });
    expect(simulated.localList.received).toEqual([{ listVersion: first.acceptedVersion, updateType: 'Full', size: 3, status: 'Accepted' }]);
    expect(await listRow(charger.id)).toMatchObject({ support: 'supported', acceptedVersion: first.acceptedVersion, lastResult: 'Accepted' });

    await goOffline(simulated);
    await waitFor(async () => !(await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    await setCardStatus(db, { accountId: account.id, cardId: active.id, status: 'blocked' });
    await localListChanged(db, { accountId: account.id });
    expect(await simulated.authorize('ACTIVE01')).toBe('Accepted');

    const calls = simulated.receivedCalls.length;
    await reconnect(simulated);
    const second = await synced(account.id, charger.id, simulated);
    expect(second.acceptedVersion).toBeGreaterThan(first.acceptedVersion!);
    expect(simulated.receivedCalls.slice(calls)).toEqual(expect.arrayContaining(['GetLocalListVersion', 'SendLocalList']));
    expect(simulated.localList.received.at(-1)).toEqual({ listVersion: second.acceptedVersion, updateType: 'Differential', size: 1, status: 'Accepted' });

    await goOffline(simulated);
    expect(await simulated.authorize('ACTIVE01')).toBe('Blocked');
    expect(await simulated.startSession(1, 'ACTIVE01')).toBe(false);
    expect(await simulated.authorize('EXPIRING01')).toBe('Accepted');
    expect(await simulated.authorize('UNKNOWN01')).toBe('Invalid');
  });

  it('sends SendLocalList in 2.0.1 shape, within ItemsPerMessage, after reading LocalAuthListCtrlr', async () => {
    const { account, expiring } = await accountWithCards();
    const charger = await makeCharger(db, { accountId: account.id });
    const client = await connectClient(server(), { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    const sent: unknown[] = [];
    client.handle('GetVariables', async ({ params }) => ({
      getVariableResult: (params as { getVariableData: { component: { name: string }; variable: { name: string } }[] }).getVariableData.map(({ component, variable }) => ({
        attributeStatus: 'Accepted',
        attributeValue: variable.name === 'ItemsPerMessage' ? '2' : 'true',
        component,
        variable,
      })),
    }));
    client.handle('GetLocalListVersion', async () => ({ versionNumber: 0 }));
    client.handle('SendLocalList', async ({ params }) => {
      sent.push(params);
      return { status: 'Accepted' };
    });
    await client.call('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'V', model: 'M' } });
    await waitFor(async () => (await listRow(charger.id))?.lastResult === 'Accepted');
    const group = { idToken: accountParentIdTag(account.id), type: 'Central' };
    const [full, differential] = sent as { versionNumber: number; updateType: string; localAuthorizationList: unknown[] }[];
    expect(full).toMatchObject({ updateType: 'Full', versionNumber: expect.any(Number) });
    expect(differential).toMatchObject({ updateType: 'Differential', versionNumber: full!.versionNumber + 1 });
    expect([...full!.localAuthorizationList, ...differential!.localAuthorizationList]).toEqual(
      expect.arrayContaining([
        { idToken: { idToken: 'ACTIVE01', type: 'ISO14443' }, idTokenInfo: { status: 'Accepted', groupIdToken: group } },
        { idToken: { idToken: 'EXPIRING01', type: 'ISO14443' }, idTokenInfo: { status: 'Accepted', cacheExpiryDateTime: expiring.expiresAt!.toISOString(), groupIdToken: group } },
        { idToken: { idToken: 'BLOCKED01', type: 'ISO14443' }, idTokenInfo: { status: 'Blocked', groupIdToken: group } },
      ]),
    );
    expect(full!.localAuthorizationList).toHaveLength(2);
    expect(await listRow(charger.id)).toMatchObject({ support: 'supported', sendMaxLength: 2, acceptedVersion: differential!.versionNumber });
    await client.close({ force: true });
  });

  it('empties the list of a station whose account has no cards, with a Full that names none', async () => {
    const account = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: account.id });
    const simulated = await startSimulator201(server(), { identity: charger.identity, evses: 1 });
    const state = await synced(account.id, charger.id, simulated);
    expect(simulated.localList.received).toEqual([{ listVersion: state.acceptedVersion, updateType: 'Full', size: 0, status: 'Accepted' }]);
    expect(await listRow(charger.id)).toMatchObject({ support: 'supported', lastResult: 'Accepted' });
  });

  it('notes a station that knows no LocalAuthListCtrlr, and asks it nothing about a list', async () => {
    const { account } = await accountWithCards();
    const charger = await makeCharger(db, { accountId: account.id });
    const simulated = await startSimulator201(server(), { identity: charger.identity, evses: 1, localList: { support: 'notImplemented' } });
    const noted = await waitFor(async () => {
      const state = await getLocalListState(db, { accountId: account.id, chargerId: charger.id });
      return state?.support === 'notSupported' ? state : null;
    });
    expect(noted).toMatchObject({ supportNote: 'NotSupported', isInSync: false });
    expect(simulated.receivedCalls.filter((call) => call === 'GetLocalListVersion' || call === 'SendLocalList')).toEqual([]);
  });
});
