import { afterAll, describe, expect, it } from 'vitest';
import { makeCard } from '../../db/seed/builders';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, testConfig, testDb, waitFor } from './helpers';
import type { RpcClient } from '../src/ocpp/rpc';

const { db, sql } = testDb();
const servers: OcppServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await sql.end();
});

async function start(overrides: Parameters<typeof testConfig>[0] = {}, log = createLogger('silent')) {
  const server = await startOcppServer(testConfig(overrides), log);
  servers.push(server);
  return server;
}

function scrape(server: OcppServer, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${server.port}/metrics`, { headers });
}

function sampleOf(text: string, series: string) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function readMetrics(server: OcppServer) {
  const response = await scrape(server);
  expect(response.status).toBe(200);
  return response.text();
}

function status(connectorId: number, state: string) {
  return { connectorId, errorCode: 'NoError', status: state, timestamp: new Date().toISOString() };
}

// What a 1.6 charger sends for one charge: boot, statuses, Authorize, start, three readings, stop and a heartbeat.
async function sendSession(client: RpcClient, idTag: string) {
  await client.call('BootNotification', { chargePointVendor: 'Metrics', chargePointModel: 'One' });
  await client.call('StatusNotification', status(0, 'Available'));
  await client.call('Authorize', { idTag });
  const { transactionId } = (await client.call('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  await client.call('StatusNotification', status(1, 'Charging'));
  for (const wh of [100, 200, 300]) {
    await client.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(wh), unit: 'Wh', measurand: 'Energy.Active.Import.Register' }] }] });
  }
  await client.call('StopTransaction', { transactionId, meterStop: 300, timestamp: new Date().toISOString() });
  await client.call('Heartbeat', {});
}

describe('GET /metrics on the OCPP port', () => {
  it('counts a charger call under its action once it is answered, with its queue and database parts', async () => {
    const server = await start();
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      await waitFor(async () => sampleOf(await readMetrics(server), 'ocpp_connected_chargers') === 1);
      const before = await readMetrics(server);
      await client.call('Heartbeat', {});
      await client.call('Heartbeat', {});
      const after = await readMetrics(server);
      for (const series of ['ocpp_message_seconds_count', 'ocpp_message_queued_seconds_count', 'ocpp_message_database_seconds_count', 'ocpp_message_answer_seconds_count']) {
        expect(sampleOf(after, `${series}{action="Heartbeat"}`) - sampleOf(before, `${series}{action="Heartbeat"}`)).toBe(2);
      }
      expect(sampleOf(after, 'ocpp_group_commit_statement_seconds_count{kind="recordHeartbeat"}')).toBeGreaterThanOrEqual(1);
      expect(sampleOf(after, 'ocpp_messages_in_flight')).toBe(0);
      // prom-client's default metrics: GC pauses and event-loop lag.
      expect(after).toContain('nodejs_eventloop_lag_p99_seconds');
      expect(after).toContain('nodejs_gc_duration_seconds');
    } finally {
      await client.close({ force: true });
    }
  });

  it('counts what two chargers sent, action by action, and moves each action\'s histograms', async () => {
    const server = await start();
    const { account, charger } = await makeChargerFixture(db);
    const { charger: other } = await makeChargerFixture(db);
    const card = await makeCard(db, { accountId: account.id });
    const first = await connectClient(server, { identity: charger.identity });
    const second = await connectClient(server, { identity: other.identity });
    try {
      await sendSession(first, card.idTag);
      await second.call('BootNotification', { chargePointVendor: 'Metrics', chargePointModel: 'Two' });
      await Promise.all([second.call('StatusNotification', status(1, 'Available')), second.call('Heartbeat', {}), second.call('Heartbeat', {})]);

      const text = await readMetrics(server);
      const sent = { BootNotification: 2, StatusNotification: 3, Authorize: 1, StartTransaction: 1, MeterValues: 3, StopTransaction: 1, Heartbeat: 3 };
      for (const [action, count] of Object.entries(sent)) {
        expect(sampleOf(text, `ocpp_message_seconds_count{action="${action}"}`), action).toBe(count);
        expect(sampleOf(text, `ocpp_message_database_seconds_count{action="${action}"}`), action).toBe(count);
        expect(sampleOf(text, `ocpp_message_seconds_sum{action="${action}"}`), action).toBeGreaterThan(0);
        expect(sampleOf(text, `ocpp_message_errors_total{action="${action}"}`), action).toBe(0);
      }
      // A session start runs its statements in the handler; a reading waits for the group commit that carries it.
      expect(sampleOf(text, 'ocpp_message_database_seconds_sum{action="StartTransaction"}')).toBeGreaterThan(0);
      expect(sampleOf(text, 'ocpp_group_commit_queued_seconds_count{kind="recordMeterValues"}')).toBe(3);
      // Each reading's wait for its statement (a turn of the event loop at least) is counted in its own message's split.
      expect(sampleOf(text, 'ocpp_message_queued_seconds_sum{action="MeterValues"}')).toBeGreaterThan(0);
      expect(sampleOf(text, 'ocpp_message_queued_seconds_sum{action="Heartbeat"}')).toBeGreaterThan(0);
      expect(sampleOf(text, 'ocpp_group_commit_queued_seconds_count{kind="recordConnectorStatus"}')).toBe(3);
      expect(sampleOf(text, 'ocpp_connected_chargers')).toBe(2);
    } finally {
      await Promise.all([first.close({ force: true }), second.close({ force: true })]);
    }
  });

  it('counts a call answered with a CALLERROR as an error of its action', async () => {
    const server = await start();
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      await expect(client.call('Authorize', {})).rejects.toMatchObject({ rpcErrorCode: 'OccurrenceConstraintViolation' });
      const text = await readMetrics(server);
      expect(sampleOf(text, 'ocpp_message_errors_total{action="Authorize"}')).toBe(1);
      expect(sampleOf(text, 'ocpp_message_seconds_count{action="Authorize"}')).toBe(1);
      // Refused by the schema before its handler ran: no queue, database or answer part to tell.
      expect(sampleOf(text, 'ocpp_message_database_seconds_count{action="Authorize"}')).toBe(0);
    } finally {
      await client.close({ force: true });
    }
  });

  it('counts an action the server does not handle as other, never under the name the charger sent', async () => {
    const server = await start();
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      await expect(client.call('MadeUpAction', {})).rejects.toMatchObject({ rpcErrorCode: 'NotImplemented' });
      const text = await readMetrics(server);
      expect(sampleOf(text, 'ocpp_message_errors_total{action="other"}')).toBe(1);
      expect(text).not.toContain('MadeUpAction');
    } finally {
      await client.close({ force: true });
    }
  });

  it('refuses a request a proxy forwarded from elsewhere while no token is configured', async () => {
    const server = await start();
    expect((await scrape(server)).status).toBe(200);
    const forwarded: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
    for (const header of forwarded) {
      const response = await scrape(server, header);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('ocpp_');
    }
  });

  it('asks for the bearer token when one is configured', async () => {
    const server = await start({ metricsToken: 'scrape-me' });
    expect((await scrape(server)).status).toBe(401);
    expect((await scrape(server, { authorization: 'Bearer wrong-one' })).status).toBe(401);
    const allowed = await scrape(server, { authorization: 'Bearer scrape-me' });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('ocpp_connected_chargers');
  });

  it('still answers other plain HTTP requests with 426', async () => {
    const server = await start();
    expect((await fetch(`http://127.0.0.1:${server.port}/ocpp/x`)).status).toBe(426);
  });
});
