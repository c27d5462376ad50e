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

async function start(overrides: Parameters<typeof testConfig>[0], log: ReturnType<typeof createLogger>) {
  const server = await startOcppServer(testConfig(overrides), log);
  servers.push(server);
  return server;
}

function memoryLog(level: string) {
  const lines: string[] = [];
  const memory = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, log: createLogger(level, memory) };
}

describe('log levels', () => {
  it('logs each message at debug only, and an aggregated info line with the chargers held and the count, p50, p99 and errors per action', async () => {
    const { lines, log } = memoryLog('info');
    const server = await start({ messageSummaryMs: 300 }, log);
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      for (let index = 0; index < 3; index++) await client.call('Heartbeat', {});
      await expect(client.call('Authorize', {})).rejects.toBeTruthy();
      const summaries = await waitFor(async () => {
        const found = lines.map((line) => JSON.parse(line) as { msg: string; level: number; chargers: number; messages: number; actions?: Record<string, { count: number; errors: number; p50Ms: number; p99Ms: number }> }).filter((line) => line.msg === 'charger messages answered');
        const counted = (action: string) => found.reduce((sum, line) => sum + (line.actions?.[action]?.count ?? 0), 0);
        return counted('Heartbeat') >= 3 && counted('Authorize') >= 1 && found;
      });
      const total = (action: string, field: 'count' | 'errors') => summaries.reduce((sum, line) => sum + (line.actions?.[action]?.[field] ?? 0), 0);
      expect(total('Heartbeat', 'count')).toBe(3);
      expect(total('Heartbeat', 'errors')).toBe(0);
      expect(total('Authorize', 'count')).toBe(1);
      expect(total('Authorize', 'errors')).toBe(1);
      expect(summaries.every((line) => line.level === 30 && line.chargers === 1)).toBe(true);
      expect(summaries.reduce((sum, line) => sum + line.messages, 0)).toBe(4);
      // A Heartbeat is answered after its database write: it takes measurable time, and its p50 is at most its p99.
      for (const { p50Ms, p99Ms } of summaries.flatMap((line) => (line.actions?.Heartbeat ? [line.actions.Heartbeat] : []))) {
        expect(p50Ms).toBeGreaterThan(0);
        expect(p50Ms).toBeLessThanOrEqual(p99Ms);
      }
      expect(lines.some((line) => line.includes('"msg":"handled"'))).toBe(false);
    } finally {
      await client.close({ force: true });
    }
  });

  it('still writes the line per message, with its fields, when the level is debug', async () => {
    const { lines, log } = memoryLog('debug');
    const server = await start({}, log);
    const { charger } = await makeChargerFixture(db);
    const client = await connectClient(server, { identity: charger.identity });
    try {
      await client.call('Heartbeat', {});
      const handled = await waitFor(async () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'handled'));
      expect(handled).toMatchObject({ level: 20, action: 'Heartbeat', identity: charger.identity, chargerId: charger.id });
      expect(typeof handled.messageId).toBe('string');
      expect(typeof handled.ms).toBe('number');
    } finally {
      await client.close({ force: true });
    }
  });
});
