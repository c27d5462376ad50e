// Sessions starting at many chargers at once (issue 23): their inserts are grouped into shared statements, and each
// charger still hears its own transaction id, only once its session is stored. A start on a connector with a session
// still open, and a retried start, are answered as they are alone.
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { cards, chargingEvents, memberships, notifications, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { quiet, countedServer } from './counted-server';
import { connectClient, testDb } from './helpers';

const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

const CHARGERS = 20;
const isSessionInsert = (statement: string) => statement.includes('insert into "transactions"');
type Started = { transactionId: number; idTagInfo: { status: string } };

async function driverCard(accountId: string, status: 'active' | 'blocked' = 'active') {
  const driver = await makeUser(db);
  await db.insert(memberships).values({ accountId, userId: driver.id, role: 'driver' });
  return { driver, card: await makeCard(db, { accountId, userId: driver.id, status }) };
}

// CHARGERS chargers, each with its driver's card (every fifth one blocked), connected and quiet.
async function fleet(protocol: 'ocpp1.6' | 'ocpp2.0.1' = 'ocpp1.6') {
  const account = await makeAccount(db);
  const chargers = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id })));
  const drivers = [];
  for (const index of chargers.keys()) drivers.push(await driverCard(account.id, index % 5 === 4 ? 'blocked' : 'active'));
  const clients: RPCClient[] = [];
  for (const charger of chargers) clients.push(await connectClient(counted.server, { identity: charger.identity, protocols: [protocol], strictMode: protocol === 'ocpp2.0.1' }));
  counted.clients.push(...clients);
  return { account, chargers, drivers, clients };
}

const start = (idTag: string, timestamp = new Date().toISOString(), meterStart = 1000) => ({ connectorId: 1, idTag, meterStart, timestamp });

async function startAtOnce(clients: RPCClient[], requests: ReturnType<typeof start>[]) {
  await quiet(counted.counter);
  const from = counted.counter.executed.length;
  const answers = (await Promise.all(clients.map((client, index) => client.call('StartTransaction', requests[index]!)))) as Started[];
  return { answers, statements: counted.counter.executed.slice(from) };
}

describe('sessions starting at many chargers at once', () => {
  it('stores every start, each with its own id, from fewer inserts than starts', async () => {
    const { chargers, drivers, clients } = await fleet();
    const { answers, statements } = await startAtOnce(clients, drivers.map(({ card }) => start(card.idTag)));

    expect(answers.map((answer) => answer.idTagInfo.status)).toEqual(drivers.map((_, index) => (index % 5 === 4 ? 'Blocked' : 'Accepted')));
    expect(new Set(answers.map((answer) => answer.transactionId)).size).toBe(CHARGERS);
    const inserts = statements.filter(isSessionInsert);
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThan(CHARGERS);
    for (const [index, charger] of chargers.entries()) {
      const { card, driver } = drivers[index]!;
      const [session] = await db.select().from(transactions).where(eq(transactions.id, answers[index]!.transactionId));
      expect(session).toMatchObject({ chargerId: charger.id, connectorId: 1, cardId: card.id, userId: driver.id, meterStartWh: 1000, stoppedAt: null });
      const started = await db.select().from(notifications).where(and(eq(notifications.userId, driver.id), eq(notifications.kind, 'session-started')));
      expect(started.map((notification) => notification.payload)).toEqual(index % 5 === 4 ? [] : [expect.objectContaining({ transactionId: session!.id })]);
      const refusals = await db.select().from(chargingEvents).where(and(eq(chargingEvents.chargerId, charger.id), eq(chargingEvents.kind, 'card')));
      expect(refusals.map((event) => event.idTag)).toEqual(index % 5 === 4 ? [card.idTag] : []);
      const [touched] = await db.select({ lastUsedChargerId: cards.lastUsedChargerId }).from(cards).where(eq(cards.id, card.id));
      expect(touched?.lastUsedChargerId).toBe(charger.id);
    }
  });

  it('closes the session left open on a connector, and answers a retried start with its first id, among others starting at once', async () => {
    const { chargers, drivers, clients } = await fleet();
    const firstAt = new Date(Date.now() - 60_000).toISOString();
    const first = (await Promise.all(clients.map((client, index) => client.call('StartTransaction', start(drivers[index]!.card.idTag, firstAt))))) as Started[];

    // Even chargers start anew on the connector they never stopped; odd ones resend their first start.
    const requests = drivers.map(({ card }, index) => (index % 2 === 0 ? start(card.idTag, new Date().toISOString(), 2000) : start(card.idTag, firstAt)));
    const { answers } = await startAtOnce(clients, requests);

    for (const [index, answer] of answers.entries()) {
      if (index % 2 === 0) expect(answer.transactionId).not.toBe(first[index]!.transactionId);
      else expect(answer.transactionId).toBe(first[index]!.transactionId);
    }
    const sessions = await db.select().from(transactions).where(inArray(transactions.chargerId, chargers.map((charger) => charger.id)));
    for (const [index, charger] of chargers.entries()) {
      const own = sessions.filter((session) => session.chargerId === charger.id).sort((a, b) => a.id - b.id);
      if (index % 2 === 1) expect(own.map((session) => session.stoppedAt)).toEqual([null]);
      else expect(own.map((session) => ({ stopReason: session.stopReason, meterStopWh: session.meterStopWh }))).toEqual([{ stopReason: 'Other', meterStopWh: 1000 }, { stopReason: null, meterStopWh: null }]);
    }
  });

  it('stores OCPP 2.0.1 Started events arriving at once from fewer session reads and inserts than events', async () => {
    const { chargers, drivers, clients } = await fleet('ocpp2.0.1');
    // A charger's EVSE is known to its socket from its first StatusNotification, as in the field.
    await Promise.all(clients.map((client) => client.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 })));
    await quiet(counted.counter);
    const from = counted.counter.executed.length;
    const started = (index: number) => ({
      eventType: 'Started',
      timestamp: new Date().toISOString(),
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: `tx-${index}`, chargingState: 'Charging' },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: drivers[index]!.card.idTag, type: 'ISO14443' },
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: 1000, measurand: 'Energy.Active.Import.Register' }] }],
    });
    const answers = (await Promise.all(clients.map((client, index) => client.call('TransactionEvent', started(index))))) as { idTokenInfo: { status: string } }[];
    const statements = counted.counter.executed.slice(from);

    expect(answers.map((answer) => answer.idTokenInfo.status)).toEqual(drivers.map((_, index) => (index % 5 === 4 ? 'Blocked' : 'Accepted')));
    const reads = statements.filter((statement) => statement.startsWith('select') && statement.includes('"ocpp_transaction_id"'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThan(CHARGERS);
    expect(statements.filter(isSessionInsert).length).toBeLessThan(CHARGERS);
    const sessions = await db.select().from(transactions).where(inArray(transactions.chargerId, chargers.map((charger) => charger.id)));
    expect(chargers.map((charger) => sessions.find((session) => session.chargerId === charger.id)?.ocppTransactionId)).toEqual(chargers.map((_, index) => `tx-${index}`));
  });
});
