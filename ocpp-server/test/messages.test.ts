import { and, eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargers, connectors, dataTransfers, meterValues, ocppMessages, transactions } from '../../db/schema';
import { makeCard } from '../../db/seed/builders';
import { accountParentIdTag } from '../../domain/cards/household';
import type { ChargerEvent } from '../../domain/charging/charger-events';
import type { OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;
let client: RPCClient;

beforeAll(async () => {
  server = await startTestServer();
  fixture = await makeChargerFixture(db);
  client = await connectClient(server, { identity: fixture.charger.identity, strictMode: true });
});

afterAll(async () => {
  await client?.close({ force: true });
  await server?.close();
  await sql.end();
});

const chargerRow = async () => (await db.select().from(chargers).where(eq(chargers.id, fixture.charger.id)))[0]!;

describe('charger → platform messages', () => {
  it('marks the charger online with this instance on connect', async () => {
    const row = await waitFor(async () => {
      const current = await chargerRow();
      return current.isOnline && current;
    });
    expect(row.instanceId).toBe(server.instanceId);
    expect(row.ocppVersion).toBe('ocpp1.6');
    expect(row.connectedAt).toBeInstanceOf(Date);
  });

  it('stores BootNotification details and answers Accepted with the heartbeat interval', async () => {
    const response = await client.call('BootNotification', {
      chargePointVendor: 'Acme',
      chargePointModel: 'Wallbox 22',
      chargePointSerialNumber: 'SN-1',
      firmwareVersion: '1.2.3',
    });
    expect(response).toMatchObject({ status: 'Accepted', interval: 300 });
    const row = await chargerRow();
    expect(row).toMatchObject({ vendor: 'Acme', model: 'Wallbox 22', serialNumber: 'SN-1', firmwareVersion: '1.2.3' });
    expect(row.lastBootAt).toBeInstanceOf(Date);
  });

  it('records Heartbeat time', async () => {
    const response = (await client.call('Heartbeat', {})) as { currentTime: string };
    expect(Date.parse(response.currentTime)).not.toBeNaN();
    expect((await chargerRow()).lastHeartbeatAt).toBeInstanceOf(Date);
  });

  it('stores StatusNotification per connector, connector 0 included', async () => {
    await client.call('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' });
    await client.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'GroundFailure',
      status: 'Faulted',
      info: 'RCD tripped',
      vendorErrorCode: 'E42',
      timestamp: new Date().toISOString(),
    });
    const rows = await db.select().from(connectors).where(eq(connectors.chargerId, fixture.charger.id)).orderBy(connectors.connectorId);
    expect(rows.map((row) => [row.connectorId, row.status, row.errorCode])).toEqual([
      [0, 'Available', 'NoError'],
      [1, 'Faulted', 'GroundFailure'],
    ]);
    expect(rows[1]).toMatchObject({ info: 'RCD tripped', vendorErrorCode: 'E42' });
    await client.call('StatusNotification', { connectorId: 3, errorCode: 'NoError', status: 'Available' });
    expect((await chargerRow()).connectorCount).toBe(3);
  });

  it('answers Authorize from the cards of the charger account', async () => {
    const card = await makeCard(db, { accountId: fixture.account.id });
    expect(await client.call('Authorize', { idTag: card.idTag.toLowerCase() })).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: accountParentIdTag(fixture.account.id) } });
    expect(await client.call('Authorize', { idTag: 'NOSUCHCARD' })).toEqual({ idTagInfo: { status: 'Invalid' } });
  });

  it('runs a whole session: start, meter values, stop with transaction data', async () => {
    const card = await makeCard(db, { accountId: fixture.account.id });
    const start = (await client.call('StartTransaction', {
      connectorId: 1,
      idTag: card.idTag,
      meterStart: 1000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(start.idTagInfo.status).toBe('Accepted');
    expect(Number.isInteger(start.transactionId)).toBe(true);

    await client.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [
        {
          timestamp: new Date().toISOString(),
          sampledValue: [
            { value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
            { value: '7200', measurand: 'Power.Active.Import', unit: 'W' },
            { value: '16.1', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
            { value: '55', measurand: 'SoC', unit: 'Percent' },
          ],
        },
      ],
    });
    const stop = await client.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: 4500,
      timestamp: new Date().toISOString(),
      idTag: card.idTag,
      reason: 'EVDisconnected',
      transactionData: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '4500', context: 'Transaction.End' }] }],
    });
    expect(stop).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: accountParentIdTag(fixture.account.id) } });

    const [session] = await db.select().from(transactions).where(eq(transactions.id, start.transactionId));
    expect(session).toMatchObject({ cardId: card.id, meterStartWh: 1000, meterStopWh: 4500, energyWh: 3500, stopReason: 'EVDisconnected' });
    const samples = await db.select().from(meterValues).where(eq(meterValues.transactionId, start.transactionId));
    expect(samples.map((sample) => sample.measurand).sort()).toEqual([
      'Current.Import',
      'Energy.Active.Import.Register',
      'Energy.Active.Import.Register',
      'Power.Active.Import',
      'SoC',
    ]);
    expect(samples.find((sample) => sample.measurand === 'Current.Import')).toMatchObject({ phase: 'L1', numericValue: 16.1 });
  });

  it("keeps a StopTransaction's own transactionData in its session, even stamped a moment after the stop", async () => {
    const card = await makeCard(db, { accountId: fixture.account.id });
    const startedAt = new Date(Date.now() - 60_000);
    const start = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: startedAt.toISOString() })) as { transactionId: number };
    const stoppedAt = new Date(startedAt.getTime() + 30_000);
    // The charger read its clock twice: the end sample is two seconds later than the stop it belongs to.
    const endSampleAt = new Date(stoppedAt.getTime() + 2_000);
    await client.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: 900,
      timestamp: stoppedAt.toISOString(),
      transactionData: [{ timestamp: endSampleAt.toISOString(), sampledValue: [{ value: '900', context: 'Transaction.End' }] }],
    });
    const samples = await db.select().from(meterValues).where(eq(meterValues.transactionId, start.transactionId));
    expect(samples).toMatchObject([{ value: '900', context: 'Transaction.End', sampledAt: endSampleAt }]);
  });

  it('stores MeterValues without a transaction for the charger', async () => {
    await client.call('MeterValues', {
      connectorId: 2,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '230.5', measurand: 'Voltage', unit: 'V' }] }],
    });
    const rows = await db
      .select()
      .from(meterValues)
      .where(and(eq(meterValues.chargerId, fixture.charger.id), eq(meterValues.measurand, 'Voltage')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ transactionId: null, connectorId: 2, numericValue: 230.5 });
  });

  it('answers a StopTransaction for an unknown transaction without an error', async () => {
    const response = await client.call('StopTransaction', { transactionId: 987654, meterStop: 10, timestamp: new Date().toISOString() });
    expect(response).toEqual({});
  });

  it('stores DataTransfer and answers UnknownVendorId', async () => {
    expect(await client.call('DataTransfer', { vendorId: 'com.acme', messageId: 'hello', data: '{"a":1}' })).toEqual({
      status: 'UnknownVendorId',
    });
    const rows = await db.select().from(dataTransfers).where(eq(dataTransfers.chargerId, fixture.charger.id));
    expect(rows).toEqual([expect.objectContaining({ vendorId: 'com.acme', messageId: 'hello', data: '{"a":1}' })]);
  });

  it('stores diagnostics and firmware status', async () => {
    await client.call('DiagnosticsStatusNotification', { status: 'Uploading' });
    await client.call('FirmwareStatusNotification', { status: 'Downloading' });
    expect(await chargerRow()).toMatchObject({ diagnosticsStatus: 'Uploading', firmwareStatus: 'Downloading' });
  });

  it('notifies charger_events after a change', async () => {
    const events: string[] = [];
    const subscription = await sql.listen('charger_events', (payload) => events.push(payload));
    await client.call('Heartbeat', {});
    // The earlier messages' events may still be on their way (charger-event-notifier.ts sends them a few times a second).
    const event = await waitFor(async () => events.map((e) => JSON.parse(e)).find((e) => e.chargerId === fixture.charger.id && e.kind === 'heartbeat'));
    expect(event).toEqual({ accountId: fixture.account.id, chargerId: fixture.charger.id, kind: 'heartbeat' });
    await subscription.unlisten();
  });

  // Readings and heartbeats announce their charger events once committed, a few times a second, one per charger and kind
  // however many messages came meanwhile (charger-event-notifier.ts), instead of a NOTIFY in every group-committed
  // statement, which made each statement wait for PostgreSQL's notification-queue lock (issue 23).
  const burstReading = (wh: number) => ({ connectorId: 1, meterValue: [{ timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, wh)).toISOString(), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] });

  it('announces a burst of readings and heartbeats once each, after they are stored, and each status in its own write', async () => {
    const before = await db.$count(meterValues, eq(meterValues.chargerId, fixture.charger.id));
    const events: ChargerEvent[] = [];
    // What a page does on an event: it reads the readings again, and must find every one that was answered.
    const readingsStoredAtEvent: number[] = [];
    const subscription = await sql.listen('charger_events', (payload) => {
      const event = JSON.parse(payload) as ChargerEvent;
      if (event.chargerId !== fixture.charger.id) return;
      events.push(event);
      if (event.kind === 'meter-values') void db.$count(meterValues, eq(meterValues.chargerId, fixture.charger.id)).then((count) => readingsStoredAtEvent.push(count));
    });
    try {
      for (let wh = 1; wh <= 5; wh++) await client.call('MeterValues', burstReading(wh));
      for (let beat = 0; beat < 3; beat++) await client.call('Heartbeat', {});
      // The circuit planner replans on a status: its event goes out with the write, one per status.
      for (const status of ['Preparing', 'Charging', 'SuspendedEV']) await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status });

      await waitFor(async () => readingsStoredAtEvent.length > 0 && events.some((event) => event.kind === 'heartbeat'));
      // Long enough for any further event the burst would send.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(readingsStoredAtEvent[0]).toBe(before + 5);
      expect(events.every((event) => event.accountId === fixture.account.id)).toBe(true);
      // Eight readings and heartbeats; at most one event per kind in each of the two notifier rounds they may straddle.
      expect(events.filter((event) => event.kind === 'meter-values').length).toBeLessThanOrEqual(2);
      expect(events.filter((event) => event.kind === 'heartbeat').length).toBeLessThanOrEqual(2);
      expect(events.filter((event) => event.kind === 'status').length).toBe(3);
    } finally {
      await subscription.unlisten();
    }
  });

  it('keeps the traffic in ocpp_messages with actions on answers', async () => {
    await server.messageLog.flush();
    const rows = await db.select().from(ocppMessages).where(eq(ocppMessages.chargerId, fixture.charger.id));
    const boot = rows.filter((row) => row.action === 'BootNotification');
    expect(boot.map((row) => [row.direction, row.messageType])).toEqual([
      ['in', 'call'],
      ['out', 'result'],
    ]);
  });
});
