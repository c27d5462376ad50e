// Every session a charger starts begins with a look at the card (issue 23): chargers presenting cards at the same
// moment are answered from lookups grouped into shared statements, and each still hears its own card's status.
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, sql as sqlText } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { cards, chargerCommands, chargingEvents, memberships, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { quiet, countedServer } from './counted-server';
import { connectClient, testDb } from './helpers';

const HOUR_MS = 3_600_000;
const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

type Account = Awaited<ReturnType<typeof makeAccount>>;
type Charger = Awaited<ReturnType<typeof makeCharger>>;
type Presented = { idTag: string; status: string };

async function member(account: Account, role: 'driver' | 'guest', limits: { energyCapWh?: number; chargerIds?: string[] } = {}) {
  const user = await makeUser(db);
  await db.insert(memberships).values({ accountId: account.id, userId: user.id, role, accessEndsAt: role === 'guest' ? new Date(Date.now() + HOUR_MS) : null, ...limits });
  return user;
}

// What a charger presents, and what it must hear back: one of each kind a lookup tells apart.
const cases: ((account: Account, charger: Charger, elsewhere: Charger) => Promise<Presented>)[] = [
  async (account) => ({ idTag: (await makeCard(db, { accountId: account.id, userId: (await member(account, 'driver')).id })).idTag, status: 'Accepted' }),
  async (account) => ({ idTag: (await makeCard(db, { accountId: account.id, userId: (await member(account, 'driver')).id })).idTag.toLowerCase(), status: 'Accepted' }),
  async () => ({ idTag: `UNKNOWN-${crypto.randomUUID().slice(0, 8)}`, status: 'Invalid' }),
  async (account) => ({ idTag: (await makeCard(db, { accountId: account.id, status: 'blocked' })).idTag, status: 'Blocked' }),
  async (account, charger) => {
    const guest = await member(account, 'guest', { energyCapWh: 500 });
    const card = await makeCard(db, { accountId: account.id, userId: guest.id });
    await db.insert(transactions).values({ chargerId: charger.id, accountId: account.id, connectorId: 2, idTag: card.idTag, cardId: card.id, userId: guest.id, authorizationStatus: 'Accepted', meterStartWh: 0, meterStopWh: 900, energyWh: 900, startedAt: new Date(), stoppedAt: new Date() });
    return { idTag: card.idTag, status: 'Invalid' };
  },
  async (account, charger) => ({ idTag: (await makeCard(db, { accountId: account.id, userId: (await member(account, 'guest', { chargerIds: [charger.id] })).id })).idTag, status: 'Accepted' }),
  async (account, _charger, elsewhere) => ({ idTag: (await makeCard(db, { accountId: account.id, userId: (await member(account, 'guest', { chargerIds: [elsewhere.id] })).id })).idTag, status: 'Invalid' }),
  async (account) => ({ idTag: (await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' })).idTag, status: 'Invalid' }),
  async (account, charger) => {
    const card = await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' });
    await db.insert(chargerCommands).values({ accountId: account.id, chargerId: charger.id, action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: card.idTag }, status: 'accepted', requestedBy: account.owner.id, expiresAt: new Date(Date.now() + HOUR_MS) });
    return { idTag: card.idTag, status: 'Accepted' };
  },
];

const isCardLookup = (statement: string) => statement.includes('from "cards" inner join "accounts"');

// 20 chargers, each presenting one of the cases' cards in an Authorize, all at once; the statements they cost.
async function presentAtOnce() {
  const account = await makeAccount(db);
  const elsewhere = await makeCharger(db, { accountId: account.id });
  const chargers = await Promise.all(Array.from({ length: 20 }, () => makeCharger(db, { accountId: account.id })));
  const presented: Presented[] = [];
  for (const [index, charger] of chargers.entries()) presented.push(await cases[index % cases.length]!(account, charger, elsewhere));
  const clients: RPCClient[] = [];
  for (const charger of chargers) clients.push(await connectClient(counted.server, { identity: charger.identity }));
  counted.clients.push(...clients);
  await quiet(counted.counter);
  const from = counted.counter.executed.length;
  const answers = await Promise.all(clients.map((client, index) => client.call('Authorize', { idTag: presented[index]!.idTag })));
  return { account, chargers, presented, answers, statements: counted.counter.executed.slice(from) };
}

describe('cards presented at many chargers at once', () => {
  it('answers each charger for its own card, from fewer lookups than Authorizes', async () => {
    const { presented, answers, statements } = await presentAtOnce();

    expect(answers.map((answer) => (answer as { idTagInfo: { status: string } }).idTagInfo.status)).toEqual(presented.map((card) => card.status));
    const lookups = statements.filter(isCardLookup);
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.length).toBeLessThan(answers.length);
  });

  it('records each refusal at its charger, and where each known card was last used, from fewer writes than Authorizes', async () => {
    const { account, chargers, presented, statements } = await presentAtOnce();

    const writes = statements.filter((statement) => statement.includes('pg_notify') && !statement.includes('"ocpp_messages"'));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThan(chargers.length);
    for (const [index, charger] of chargers.entries()) {
      const refusals = await db.select().from(chargingEvents).where(and(eq(chargingEvents.chargerId, charger.id), eq(chargingEvents.kind, 'card')));
      expect(refusals.map((event) => ({ connectorId: event.connectorId, idTag: event.idTag }))).toEqual(presented[index]!.status === 'Accepted' ? [] : [{ connectorId: 0, idTag: presented[index]!.idTag }]);
      const [card] = await db.select({ lastUsedChargerId: cards.lastUsedChargerId }).from(cards).where(and(eq(cards.accountId, account.id), sqlText`upper(${cards.idTag}) = upper(${presented[index]!.idTag})`));
      if (card) expect(card.lastUsedChargerId).toBe(charger.id);
    }
  });
});
