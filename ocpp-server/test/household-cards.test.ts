import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, memberships, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { authorizeCard } from '../../domain/charging/authorize-card';
import { stopInTransaction } from '../../domain/data/charger-traffic/stops';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db } = suite;

// A household: an account with two members, a card each, and two chargers.
async function household() {
  const parent = await makeUser(db);
  const child = await makeUser(db);
  const account = await makeAccount(db, { owner: parent });
  await db.insert(memberships).values({ accountId: account.id, userId: child.id, role: 'member' });
  const parentsCard = await makeCard(db, { accountId: account.id, userId: parent.id });
  const childsCard = await makeCard(db, { accountId: account.id, userId: child.id });
  const garage = await makeCharger(db, { accountId: account.id });
  const street = await makeCharger(db, { accountId: account.id });
  return { account, parentsCard, childsCard, garage, street };
}

const start = (idTag: string, connectorId = 1) => ({ connectorId, idTag, meterStart: 1000, timestamp: new Date().toISOString() });

describe('household cards', () => {
  it("gives every card of an account the account's parentIdTag, so one member's card ends another's session at the reader", async () => {
    const { parentsCard, childsCard, garage } = await household();
    const neighbour = await makeAccount(db);
    const neighboursCard = await makeCard(db, { accountId: neighbour.id });
    const neighboursCharger = await makeCharger(db, { accountId: neighbour.id });
    const client = await suite.connect(suite.server, { identity: garage.identity });

    const parents = (await client.call('Authorize', { idTag: parentsCard.idTag })) as { idTagInfo: { status: string; parentIdTag?: string } };
    const started = (await client.call('StartTransaction', start(childsCard.idTag))) as { transactionId: number; idTagInfo: { status: string; parentIdTag?: string } };
    expect(parents.idTagInfo.status).toBe('Accepted');
    expect(parents.idTagInfo.parentIdTag).toMatch(/^.{1,20}$/);
    expect(started.idTagInfo).toEqual({ status: 'Accepted', parentIdTag: parents.idTagInfo.parentIdTag });
    expect(await client.call('Authorize', { idTag: 'NOBODYS-CARD' })).toEqual({ idTagInfo: { status: 'Invalid' } });

    const stopped = await client.call('StopTransaction', { transactionId: started.transactionId, idTag: parentsCard.idTag, meterStop: 1500, timestamp: new Date().toISOString(), reason: 'Local' });
    expect(stopped).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: parents.idTagInfo.parentIdTag } });
    const [session] = await db.select().from(transactions).where(eq(transactions.id, started.transactionId));
    expect(session).toMatchObject({ stopIdTag: parentsCard.idTag, energyWh: 500 });

    const next = await suite.connect(suite.server, { identity: neighboursCharger.identity });
    const theirs = (await next.call('Authorize', { idTag: neighboursCard.idTag })) as { idTagInfo: { parentIdTag?: string } };
    expect(theirs.idTagInfo.parentIdTag).toBeDefined();
    expect(theirs.idTagInfo.parentIdTag).not.toBe(parents.idTagInfo.parentIdTag);
  });

  it('answers ConcurrentTx for a card already charging elsewhere, where the account allows one session per card', async () => {
    const { account, parentsCard, garage, street } = await household();
    const atGarage = await suite.connect(suite.server, { identity: garage.identity });
    const atStreet = await suite.connect(suite.server, { identity: street.identity });
    await atGarage.call('StartTransaction', start(parentsCard.idTag));
    const statusAt = async (client: typeof atGarage, idTag: string) => ((await client.call('Authorize', { idTag })) as { idTagInfo: { status: string } }).idTagInfo.status;

    expect(await statusAt(atStreet, parentsCard.idTag)).toBe('Accepted');

    await db.update(accounts).set({ isOneSessionPerCard: true }).where(eq(accounts.id, account.id));
    expect(await statusAt(atStreet, parentsCard.idTag)).toBe('ConcurrentTx');
    // Shown again where it charges, the card is ending its own session.
    expect(await statusAt(atGarage, parentsCard.idTag)).toBe('Accepted');
    const second = (await atGarage.call('StartTransaction', start(parentsCard.idTag, 2))) as { idTagInfo: { status: string } };
    expect(second.idTagInfo.status).toBe('ConcurrentTx');
    expect((await authorizeCard(db, { accountId: account.id, idTag: parentsCard.idTag, context: 'remoteStart' })).status).toBe('ConcurrentTx');
  });

  it('answers Accepted to a card ending its own session, where the account allows one session per card', async () => {
    const { account, parentsCard, garage } = await household();
    await db.update(accounts).set({ isOneSessionPerCard: true }).where(eq(accounts.id, account.id));
    const atGarage = await suite.connect(suite.server, { identity: garage.identity });
    const stop = (transactionId: number) => ({ transactionId, idTag: parentsCard.idTag, meterStop: 1500, timestamp: new Date().toISOString(), reason: 'Local' });

    const first = (await atGarage.call('StartTransaction', start(parentsCard.idTag))) as { transactionId: number };
    const stopped = (await atGarage.call('StopTransaction', stop(first.transactionId))) as { idTagInfo: { status: string } };
    expect(stopped.idTagInfo.status).toBe('Accepted');

    // The same stop through the transactional path, which a stop takes when its session changed under the batched one.
    const second = (await atGarage.call('StartTransaction', start(parentsCard.idTag, 2))) as { transactionId: number; idTagInfo: { status: string } };
    expect(second.idTagInfo.status).toBe('Accepted');
    const ref = { chargerId: garage.id, accountId: account.id };
    const result = await stopInTransaction(db, ref, { transactionId: second.transactionId, meterStopWh: 1500, stoppedAt: new Date(), reason: 'Local', idTag: parentsCard.idTag, samples: [] });
    expect(result).toMatchObject({ outcome: 'stopped', authorization: { status: 'Accepted' } });
  });
});
