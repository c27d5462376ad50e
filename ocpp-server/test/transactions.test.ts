import { eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cards, meterValues, tariffs, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import type { OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators, transactionAnswered } from './simulators';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fixture = await makeChargerFixture(db);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
  await stopSimulators();
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

const sessionsOf = (chargerId: string) => db.select().from(transactions).where(eq(transactions.chargerId, chargerId));
const sessionById = async (id: number) => (await db.select().from(transactions).where(eq(transactions.id, id)))[0]!;
const at = (base: number, minutes: number) => new Date(base + minutes * 60_000).toISOString();
const energyReading = (timestamp: string, value: string, unit: 'Wh' | 'kWh') => ({
  timestamp,
  sampledValue: [{ value, unit, measurand: 'Energy.Active.Import.Register' }],
});

describe('transactions', () => {
  it('answers a retried StartTransaction with the same id and keeps one session', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const card = await makeCard(db, { accountId: fixture.account.id });
    const start = { connectorId: 1, idTag: card.idTag, meterStart: 500, timestamp: new Date().toISOString() };
    const first = await connectClient(server, { identity: charger.identity });
    clients.push(first);
    const answers = await Promise.all([first.call('StartTransaction', start), first.call('StartTransaction', start)]);
    const second = await connectClient(server, { identity: charger.identity });
    clients.push(second);
    answers.push(await second.call('StartTransaction', start));
    const ids = answers.map((answer) => (answer as { transactionId: number }).transactionId);
    expect(new Set(ids).size).toBe(1);
    const sessions = await sessionsOf(charger.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.accountId).toBe(fixture.account.id); // the session lists find it by account
  });

  it('closes a session left open by a lost StopTransaction when the connector starts another, with its last energy reading', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const card = await makeCard(db, { accountId: fixture.account.id });
    const base = Date.now() - 2 * 3_600_000;
    await db.insert(tariffs).values([
      { accountId: fixture.account.id, chargerId: charger.id, pricePerKwh: '0.4000', currency: 'EUR', validFrom: new Date(at(base, -60)) },
      { accountId: fixture.account.id, chargerId: charger.id, pricePerKwh: '0.5000', currency: 'EUR', validFrom: new Date(at(base, 30)) },
    ]);
    const client = await connectClient(server, { identity: charger.identity });
    clients.push(client);
    const start = async (request: { connectorId: number; meterStart: number; timestamp: string }) =>
      ((await client.call('StartTransaction', { idTag: card.idTag, ...request })) as { transactionId: number }).transactionId;

    const firstStart = { connectorId: 1, meterStart: 1_000, timestamp: at(base, 0) };
    const first = await start(firstStart);
    const otherConnector = await start({ connectorId: 2, meterStart: 200, timestamp: at(base, 5) });
    await client.call('MeterValues', { connectorId: 1, transactionId: first, meterValue: [energyReading(at(base, 50), '5.5', 'kWh')] });
    await client.call('MeterValues', { connectorId: 1, transactionId: first, meterValue: [energyReading(at(base, 55), '6000', 'Wh')] });

    // The StopTransaction of `first` never arrives; the charger starts again on the same connector.
    const secondStart = { connectorId: 1, meterStart: 6_100, timestamp: at(base, 60) };
    const second = await start(secondStart);
    expect(await sessionById(first)).toMatchObject({
      stoppedAt: new Date(secondStart.timestamp),
      stopReason: 'Other',
      meterStopWh: 6_000,
      energyWh: 5_000,
      // 4,500 Wh spread over its first 50 minutes, 2,700 of them before the change at 30: 2,700 × 0.40 + 2,300 × 0.50.
      cost: '2.2300',
      currency: 'EUR',
      pricePerKwh: null,
    });
    expect(await sessionById(second)).toMatchObject({ stoppedAt: null });
    expect(await sessionById(otherConnector)).toMatchObject({ stoppedAt: null });

    // Retries of either start answer their first id and close nothing.
    expect(await start(secondStart)).toBe(second);
    expect(await start(firstStart)).toBe(first);
    expect(await sessionById(second)).toMatchObject({ stoppedAt: null });
    expect(await sessionsOf(charger.id)).toHaveLength(3);

    // Without an energy reading the superseded session ends at its meter start.
    await start({ connectorId: 2, meterStart: 900, timestamp: at(base, 70) });
    expect(await sessionById(otherConnector)).toMatchObject({ stopReason: 'Other', meterStopWh: 200, energyWh: 0, cost: '0.0000' });
  });

  it('answers StartTransaction with Invalid for a virtual card presented at the charger, and still records it', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const card = await makeCard(db, { accountId: fixture.account.id, kind: 'virtual', userId: fixture.account.owner.id });
    const client = await connectClient(server, { identity: charger.identity });
    clients.push(client);
    const answer = await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: new Date().toISOString() });
    expect(answer).toMatchObject({ idTagInfo: { status: 'Invalid' } });
    expect(await sessionsOf(charger.id)).toEqual([expect.objectContaining({ authorizationStatus: 'Invalid', isRemoteStarted: false })]);
  });

  it('marks the card last used at the charger', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const card = await makeCard(db, { accountId: fixture.account.id });
    const client = await connectClient(server, { identity: charger.identity });
    clients.push(client);
    await client.call('Authorize', { idTag: card.idTag });
    const [row] = await db.select().from(cards).where(eq(cards.id, card.id));
    expect(row).toMatchObject({ lastUsedChargerId: charger.id });
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('closes the right session when the charger stops it after losing its connection mid-session', async () => {
    const own = await startTestServer();
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const card = await makeCard(db, { accountId: fixture.account.id });
    // Two connectors sampling every 50 ms send as many meter values as the message limit admits: the charger's queue
    // is never sure to drain, so the test waits for the transaction messages it is about.
    const simulated = await startSimulator(own, { identity: charger.identity, connectors: 2, meterIntervalMs: 50 });
    const started = [transactionAnswered(simulated, 'transactionStarted', 1), transactionAnswered(simulated, 'transactionStarted', 2)];
    await simulated.startSession(1, card.idTag);
    await simulated.startSession(2, card.idTag);
    const [transactionId] = await Promise.all(started);
    const samplesOf = () => db.select().from(meterValues).where(eq(meterValues.transactionId, transactionId!));
    await waitFor(async () => (await samplesOf()).length > 0);

    await own.close();
    await waitFor(async () => !simulated.isConnected);
    const stopped = transactionAnswered(simulated, 'transactionStopped', 1);
    await simulated.stopSession(1, 'EVDisconnected');
    expect(simulated.queue.length).toBeGreaterThan(0);
    const restarted = await startTestServer({ port: own.port, instanceId: own.instanceId });
    try {
      // Answered by the restarted server, after the meter values of that session queued before it.
      await stopped;
    } finally {
      await stopSimulators();
      await restarted.close();
    }

    const sessions = await sessionsOf(charger.id);
    const closed = sessions.find((session) => session.id === transactionId)!;
    const running = sessions.find((session) => session.id !== transactionId)!;
    expect(closed).toMatchObject({ stopReason: 'EVDisconnected', connectorId: 1 });
    expect(closed.energyWh).toBe(closed.meterStopWh! - closed.meterStartWh);
    expect(running).toMatchObject({ stoppedAt: null, connectorId: 2 });
    const energy = (await samplesOf()).filter((sample) => sample.measurand === 'Energy.Active.Import.Register');
    expect(Math.max(...energy.map((sample) => sample.numericValue ?? 0))).toBeLessThanOrEqual(closed.meterStopWh!);
  });
});
