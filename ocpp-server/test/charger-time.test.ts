import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectors, meterValues, securityEvents, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { killAllServers, spawnServer, type ChildServer } from './child-server';
import { connectClient, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators, transactionAnswered } from './simulators';

// Some chargers write their timestamps without a UTC offset. OCPP-J's date-times are UTC, so such a time is read as
// UTC whatever time zone the server process runs in: here one far from UTC (+02:00 in winter, +03:00 in summer).
const { db, sql } = testDb();
let server: ChildServer;
let account: Awaited<ReturnType<typeof makeAccount>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  [server, account] = await Promise.all([spawnServer({ instanceId: `vilnius-${randomBytes(3).toString('hex')}`, env: { TZ: 'Europe/Vilnius' } }), makeAccount(db)]);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close({ force: true })));
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

async function charger() {
  const row = await makeCharger(db, { accountId: account.id });
  const client = await connectClient(server, { identity: row.identity });
  clients.push(client);
  return { row, client };
}

const utc = (naive: string) => new Date(`${naive}Z`);
const samplesAt = (chargerId: string, measurand: string) =>
  db.select({ sampledAt: meterValues.sampledAt }).from(meterValues).where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.measurand, measurand)));

describe('charger timestamps without a UTC offset', () => {
  it('reads them as UTC in StatusNotification, StartTransaction, MeterValues, StopTransaction with its transactionData and SecurityEventNotification', async () => {
    const { row, client } = await charger();
    const card = await makeCard(db, { accountId: account.id });
    await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing', timestamp: '2026-12-01T09:59:30' });
    const { transactionId } = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: '2026-12-01T10:00:00' })) as {
      transactionId: number;
    };
    const reading = (timestamp: string, measurand: string, value: string) => ({ timestamp, sampledValue: [{ value, measurand, unit: 'Wh' as const }] });
    await client.call('MeterValues', { connectorId: 1, transactionId, meterValue: [reading('2026-07-01T10:15:00.250', 'Energy.Active.Import.Register', '500')] });
    await client.call('StopTransaction', {
      transactionId,
      meterStop: 1_000,
      timestamp: '2026-12-01 10:30:00',
      transactionData: [reading('2026-12-01T10:30:00', 'Energy.Active.Export.Register', '7')],
    });
    await client.call('SecurityEventNotification', { type: 'SettingSystemTime', timestamp: '2026-12-01T10:31:00' });

    const [status] = await db.select().from(connectors).where(and(eq(connectors.chargerId, row.id), eq(connectors.connectorId, 1)));
    expect(status?.statusAt).toEqual(utc('2026-12-01T09:59:30'));
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ startedAt: utc('2026-12-01T10:00:00'), stoppedAt: utc('2026-12-01T10:30:00') });
    expect(await samplesAt(row.id, 'Energy.Active.Import.Register')).toEqual([{ sampledAt: utc('2026-07-01T10:15:00.250') }]);
    expect(await samplesAt(row.id, 'Energy.Active.Export.Register')).toEqual([{ sampledAt: utc('2026-12-01T10:30:00') }]);
    const events = await db.select({ occurredAt: securityEvents.occurredAt }).from(securityEvents).where(eq(securityEvents.chargerId, row.id));
    expect(events).toEqual([{ occurredAt: utc('2026-12-01T10:31:00') }]);
  });

  it('keeps an explicit offset, with or without its colon', async () => {
    const { row, client } = await charger();
    const card = await makeCard(db, { accountId: account.id });
    const { transactionId } = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: '2026-12-01T12:00:00+02:00' })) as {
      transactionId: number;
    };
    await client.call('StopTransaction', { transactionId, meterStop: 10, timestamp: '2026-12-01T12:30:00+0200' });
    await client.call('StatusNotification', { connectorId: 2, errorCode: 'NoError', status: 'Available', timestamp: '2026-12-01T05:00:00-05' });
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ startedAt: new Date('2026-12-01T10:00:00Z'), stoppedAt: new Date('2026-12-01T10:30:00Z') });
    const [status] = await db.select().from(connectors).where(and(eq(connectors.chargerId, row.id), eq(connectors.connectorId, 2)));
    expect(status?.statusAt).toEqual(new Date('2026-12-01T10:00:00Z'));
  });

  it('stores the instants a simulated charger with naive timestamps sent', async () => {
    const row = await makeCharger(db, { accountId: account.id });
    const card = await makeCard(db, { accountId: account.id });
    const simulated = await startSimulator(server, { identity: row.identity, naiveTimestamps: true });
    const sent = new Map<string, string>();
    simulated.client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
      const [type, , action, params] = JSON.parse(message) as [number, string, string, { timestamp?: string }];
      if (outbound && type === 2 && params.timestamp) sent.set(action, params.timestamp);
    });
    const started = transactionAnswered(simulated, 'transactionStarted', 1);
    await simulated.startSession(1, card.idTag);
    const transactionId = await started;
    const stopped = transactionAnswered(simulated, 'transactionStopped', 1);
    await simulated.stopSession(1);
    await stopped;

    const startedAt = sent.get('StartTransaction')!;
    expect(startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ startedAt: utc(startedAt), stoppedAt: utc(sent.get('StopTransaction')!) });
    const status = await waitFor(async () => {
      const [current] = await db.select().from(connectors).where(and(eq(connectors.chargerId, row.id), eq(connectors.connectorId, 1)));
      return current?.status === 'Available' && current;
    });
    expect(status.statusAt).toEqual(utc(sent.get('StatusNotification')!));
  });
});
