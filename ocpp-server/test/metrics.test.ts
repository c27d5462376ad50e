import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, testConfig, testDb, waitFor } from './helpers';

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

  it('counts a call answered with a CALLERROR as an error of its action', async () => {
    const server = await start();
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      await expect(client.call('Authorize', {})).rejects.toMatchObject({ rpcErrorCode: 'OccurrenceConstraintViolation' });
      const text = await readMetrics(server);
      expect(sampleOf(text, 'ocpp_message_errors_total{action="Authorize"}')).toBe(1);
      expect(sampleOf(text, 'ocpp_message_seconds_count{action="Authorize"}')).toBe(1);
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

describe('log levels', () => {
  it('logs each message at debug only, and an aggregated info line with the count, p99 and errors per action', async () => {
    const lines: string[] = [];
    const memory = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const server = await start({ messageSummaryMs: 300 }, createLogger('info', memory));
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      for (let index = 0; index < 3; index++) await client.call('Heartbeat', {});
      await expect(client.call('Authorize', {})).rejects.toBeTruthy();
      const summaries = await waitFor(async () => {
        const found = lines.map((line) => JSON.parse(line) as { msg: string; level: number; actions?: Record<string, { count: number; errors: number; p99Ms: number }> }).filter((line) => line.msg === 'charger messages answered');
        const counted = (action: string) => found.reduce((sum, line) => sum + (line.actions?.[action]?.count ?? 0), 0);
        return counted('Heartbeat') >= 3 && counted('Authorize') >= 1 && found;
      });
      const total = (action: string, field: 'count' | 'errors') => summaries.reduce((sum, line) => sum + (line.actions?.[action]?.[field] ?? 0), 0);
      expect(total('Heartbeat', 'count')).toBe(3);
      expect(total('Heartbeat', 'errors')).toBe(0);
      expect(total('Authorize', 'count')).toBe(1);
      expect(total('Authorize', 'errors')).toBe(1);
      expect(summaries.every((line) => line.level === 30)).toBe(true);
      expect(summaries.find((line) => line.actions?.Heartbeat)!.actions!.Heartbeat!.p99Ms).toBeGreaterThanOrEqual(0);
      expect(lines.some((line) => line.includes('"msg":"handled"'))).toBe(false);
    } finally {
      await client.close({ force: true });
    }
  });
});
