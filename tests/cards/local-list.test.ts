import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerLocalLists, memberships, transactions } from '@/db/schema';
import { makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { accountParentIdTag } from '@/domain/cards/household';
import { localListChanged, syncLocalList } from '@/domain/cards/local-list';
import { setCardStatus } from '@/domain/data/cards';
import { getLocalListState } from '@/domain/data/local-lists';
import { closeTransaction } from '@/domain/data/charger-traffic/transactions';
import { endMembership } from '@/domain/people/end-membership';
import { goOffline, reconnect, type LocalListOptions } from '@/ocpp-server/simulator/local-auth-list';
import { waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator } from '@/ocpp-server/test/simulators';
import { accountWithListCards, localListServer, syncedState } from './local-list-server';

const { db, server } = localListServer();

async function accountWithCards() {
  const { account, active, expiring } = await accountWithListCards(db);
  await makeCard(db, { accountId: account.id, idTag: 'EXPIRED01', expiresAt: new Date(Date.now() - 1000) });
  await makeCard(db, { accountId: account.id, idTag: 'DELETED01', deletedAt: new Date() });
  await makeCard(db, { accountId: account.id, kind: 'virtual', userId: account.owner.id, idTag: 'VVIRTUAL0000001' });
  return { account, active, expiring };
}

const listRow = async (chargerId: string) => (await db.select().from(chargerLocalLists).where(eq(chargerLocalLists.chargerId, chargerId)))[0];

const synced = (accountId: string, chargerId: string, simulated: { localList: { version: number } }) => syncedState(db, { accountId, chargerId }, simulated);

async function chargerWithList(localList?: LocalListOptions) {
  const fixture = await accountWithCards();
  const charger = await makeCharger(db, { accountId: fixture.account.id });
  const simulated = await startSimulator(server(), { identity: charger.identity, localList });
  return { ...fixture, charger, simulated };
}

describe('Local Authorization List, charger by charger', () => {
  it('sends the whole list at boot, then only the difference after a card change', async () => {
    const { account, charger, simulated, expiring } = await chargerWithList();
    const first = await synced(account.id, charger.id, simulated);
    const parentIdTag = accountParentIdTag(account.id);
    expect(Object.fromEntries(simulated.localList.entries)).toEqual({
      ACTIVE01: { status: 'Accepted', parentIdTag },
      EXPIRING01: { status: 'Accepted', expiryDate: expiring.expiresAt!.toISOString(), parentIdTag },
      BLOCKED01: { status: 'Blocked', parentIdTag },
      EXPIRED01: { status: 'Expired', expiryDate: expect.any(String), parentIdTag },
    });
    expect(simulated.localList.received).toEqual([{ listVersion: first.acceptedVersion, updateType: 'Full', size: 4, status: 'Accepted' }]);

    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD01' });
    await localListChanged(db, { accountId: account.id });
    const second = await synced(account.id, charger.id, simulated);
    expect(second.acceptedVersion).toBeGreaterThan(first.acceptedVersion!);
    expect(simulated.localList.received.at(-1)).toEqual({ listVersion: second.acceptedVersion, updateType: 'Differential', size: 1, status: 'Accepted' });
    expect(simulated.localList.entries.get('NEWCARD01')).toEqual({ status: 'Accepted', parentIdTag });
    expect(second).toMatchObject({ lastResult: 'Accepted', lastUpdateType: 'Differential', support: 'supported' });
  });

  it('a card blocked while its charger was offline is refused by that charger’s own list once it has reconnected', async () => {
    const { account, charger, simulated, active } = await chargerWithList();
    await synced(account.id, charger.id, simulated);
    await goOffline(simulated);
    await waitFor(async () => !(await getLocalListState(db, { accountId: account.id, chargerId: charger.id }))?.isOnline);

    await setCardStatus(db, { accountId: account.id, cardId: active.id, status: 'blocked' });
    await localListChanged(db, { accountId: account.id });
    expect(await getLocalListState(db, { accountId: account.id, chargerId: charger.id })).toMatchObject({ isInSync: false });
    expect(simulated.localList.authorize('ACTIVE01')).toBe('Accepted');

    await reconnect(simulated);
    await synced(account.id, charger.id, simulated);
    expect(simulated.receivedCalls).toContain('GetLocalListVersion');
    expect(simulated.localList.received.at(-1)).toMatchObject({ updateType: 'Differential', size: 1, status: 'Accepted' });

    await goOffline(simulated);
    expect(await simulated.startSession(1, 'ACTIVE01')).toBe(false);
    expect(await simulated.startSession(1, 'EXPIRING01')).toBe(true);
  });

  it('sends a removed member’s card as Blocked', async () => {
    const { account, charger, simulated } = await chargerWithList();
    const member = await makeUser(db);
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
    await makeCard(db, { accountId: account.id, idTag: 'MEMBER01', userId: member.id });
    await localListChanged(db, { accountId: account.id });
    await waitFor(async () => simulated.localList.authorize('MEMBER01') === 'Accepted');

    expect(await endMembership(db, { accountId: account.id, userId: member.id, requestedBy: account.owner.id })).toMatchObject({ ok: true });
    await synced(account.id, charger.id, simulated);
    expect(simulated.localList.authorize('MEMBER01')).toBe('Blocked');
    expect(simulated.localList.received.at(-1)).toMatchObject({ updateType: 'Differential', size: 1 });
  });

  it('refuses a guest’s card in the list of a charger not theirs, and in every list once their energy cap is used up', async () => {
    const { account, charger: theirs, simulated: atTheirs } = await chargerWithList();
    const other = await makeCharger(db, { accountId: account.id });
    const atOther = await startSimulator(server(), { identity: other.identity });
    const guest = await makeUser(db);
    await db.insert(memberships).values({ accountId: account.id, userId: guest.id, role: 'guest', accessEndsAt: new Date(Date.now() + 86_400_000), energyCapWh: 5_000, chargerIds: [theirs.id] });
    await makeCard(db, { accountId: account.id, idTag: 'GUEST01', userId: guest.id });
    await localListChanged(db, { accountId: account.id });
    await waitFor(async () => atTheirs.localList.authorize('GUEST01') === 'Accepted' && atOther.localList.authorize('GUEST01') === 'Blocked');

    // A session of theirs that uses up the cap, closed as the OCPP server closes one.
    const [session] = await db
      .insert(transactions)
      .values({ accountId: account.id, chargerId: theirs.id, connectorId: 1, idTag: 'GUEST01', authorizationStatus: 'Accepted', userId: guest.id, meterStartWh: 1_000, startedAt: new Date() })
      .returning({ id: transactions.id, chargerId: transactions.chargerId, meterStartWh: transactions.meterStartWh });
    await db.transaction((tx) => closeTransaction(tx, session!, { meterStopWh: 6_500, stoppedAt: new Date(), reason: 'Local', idTag: 'GUEST01' }));
    await waitFor(async () => atTheirs.localList.authorize('GUEST01') === 'Blocked');
    expect(atOther.localList.authorize('GUEST01')).toBe('Blocked');
  });

  it('answers a VersionMismatch with the whole list', async () => {
    const { account, charger, simulated } = await chargerWithList();
    await synced(account.id, charger.id, simulated);
    // The charger's list moved on without the platform (a list set by hand on site), and the platform does not know.
    simulated.localList.version = 2_000_000;

    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD02' });
    await localListChanged(db, { accountId: account.id });
    const after = await synced(account.id, charger.id, simulated);
    expect(simulated.localList.received.slice(-2)).toEqual([
      expect.objectContaining({ updateType: 'Differential', status: 'VersionMismatch' }),
      { listVersion: after.acceptedVersion, updateType: 'Full', size: 5, status: 'Accepted' },
    ]);
    expect(simulated.localList.entries.size).toBe(5);
    expect(after).toMatchObject({ lastResult: 'Accepted', lastUpdateType: 'Full' });
  });

  it('"Sync to chargers" pressed while a difference is on its way still ends with the whole list sent', async () => {
    const { account, charger, simulated } = await chargerWithList();
    await synced(account.id, charger.id, simulated);
    const release = simulated.localList.holdUpdates();
    const calls = simulated.receivedCalls.length;
    const updates = simulated.localList.received.length;
    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD03' });
    await localListChanged(db, { accountId: account.id });
    await waitFor(async () => simulated.receivedCalls.slice(calls).includes('SendLocalList'));

    await syncLocalList(db, { accountId: account.id }, { waitMs: 0 });
    release();

    await waitFor(async () => simulated.localList.received.length === updates + 2);
    const after = await synced(account.id, charger.id, simulated);
    expect(simulated.localList.received.slice(-2)).toEqual([
      expect.objectContaining({ updateType: 'Differential', size: 1, status: 'Accepted' }),
      { listVersion: after.acceptedVersion, updateType: 'Full', size: 5, status: 'Accepted' },
    ]);
  });

  it('splits a list longer than SendLocalListMaxLength, and keeps a list that would not fit out of the charger', async () => {
    const { account, charger, simulated } = await chargerWithList({ maxLength: 5, sendMaxLength: 3 });
    await synced(account.id, charger.id, simulated);
    expect(simulated.localList.received.map(({ updateType, size, status }) => ({ updateType, size, status }))).toEqual([
      { updateType: 'Full', size: 3, status: 'Accepted' },
      { updateType: 'Differential', size: 1, status: 'Accepted' },
    ]);
    expect(simulated.localList.entries.size).toBe(4);

    await makeCard(db, { accountId: account.id, idTag: 'EXTRA01' });
    await makeCard(db, { accountId: account.id, idTag: 'EXTRA02' });
    await localListChanged(db, { accountId: account.id });
    const state = await waitFor(async () => {
      const current = await getLocalListState(db, { accountId: account.id, chargerId: charger.id });
      return current?.lastResult === 'tooLarge' ? current : null;
    });
    expect(state).toMatchObject({ isInSync: false, lastEntryCount: 6, maxLength: 5 });
    expect(simulated.localList.received).toHaveLength(2);
    expect(simulated.localList.entries.size).toBe(4);
  });

  it('notes a charger whose profiles leave the local list out, and asks it nothing about a list', async () => {
    const { account, charger, simulated } = await chargerWithList({ support: 'notImplemented' });
    const noted = await waitFor(async () => {
      const state = await getLocalListState(db, { accountId: account.id, chargerId: charger.id });
      return state?.support === 'notSupported' ? state : null;
    });
    expect(noted).toMatchObject({ supportNote: 'notInProfiles', isInSync: false });
    expect(simulated.receivedCalls.filter((call) => call === 'GetLocalListVersion' || call === 'SendLocalList')).toEqual([]);
  });

  it('notes once a charger that lists the profile but answers NotImplemented, and sends it nothing more', async () => {
    const { account, charger, simulated } = await chargerWithList({ support: 'listedButNotImplemented' });
    const witness = await makeCharger(db, { accountId: account.id, name: 'Witness' });
    const withList = await startSimulator(server(), { identity: witness.identity });
    await synced(account.id, witness.id, withList);
    const noted = await waitFor(async () => {
      const state = await getLocalListState(db, { accountId: account.id, chargerId: charger.id });
      return state?.support === 'notSupported' ? state : null;
    });
    expect(noted).toMatchObject({ supportNote: 'NotImplemented', isInSync: false });
    const callsWhenNoted = simulated.receivedCalls.filter((call) => call === 'GetLocalListVersion' || call === 'SendLocalList');
    expect(callsWhenNoted).toEqual(['GetLocalListVersion']);

    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD03' });
    await localListChanged(db, { accountId: account.id });
    await waitFor(async () => withList.localList.entries.has('NEWCARD03'));
    await goOffline(simulated);
    await reconnect(simulated);
    await makeCard(db, { accountId: account.id, idTag: 'NEWCARD04' });
    await localListChanged(db, { accountId: account.id });
    await waitFor(async () => withList.localList.entries.has('NEWCARD04'));
    expect(simulated.receivedCalls.filter((call) => call === 'GetLocalListVersion' || call === 'SendLocalList')).toEqual(callsWhenNoted);
    expect(await listRow(charger.id)).toMatchObject({ support: 'notSupported', supportNote: 'NotImplemented' });
  });
});
