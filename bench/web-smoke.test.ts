import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'next-auth/jwt';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { provideTestDatabase, type ProvidedDatabase } from '../scripts/lib/database';
import { webMarkdown } from './web/markdown';
import { measureDownload, measurePage } from './web/measure';
import { startQueryCounter, type QueryCounter } from './web/query-counter';
import { pageTargets, type WebBenchReport } from './web/run';
import { seedAccount } from './web/seed';
import { sessionCookie } from './web/session-cookie';

// Keeps `npm run bench:web` from rotting without a production build: the seed, the query counter and the
// measuring functions run against a tiny seed and an in-process server that queries through the counter.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function startProbeServer(counter: QueryCounter) {
  const client = postgres(counter.url, { max: 1, onnotice: () => {} });
  const server = createServer(async (request, response) => {
    const [row] = await client<{ count: number }[]>`select count(*)::int as count from transactions`;
    await client`select 1`;
    if (request.url === '/export') {
      for (let line = 0; line < 1000; line++) response.write(`${line},${row!.count}\n`);
      return response.end();
    }
    response.end(`sessions: ${row!.count}`);
  });
  cleanups.push(async () => {
    server.close();
    await client.end();
  });
  return new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('web benchmark smoke run', () => {
  it('seeds, counts queries on the wire and measures pages and a download', { timeout: 60_000 }, async () => {
    const database: ProvidedDatabase = await provideTestDatabase(() => {});
    cleanups.push(database.stop);
    await runMigrations(database.url);
    const { sql } = createDb(database.url, { max: 1 });
    cleanups.push(() => sql.end());

    const seeded = await seedAccount(sql, { chargers: 3, sessions: 30, meterValuesPerSession: 5, cards: 2 });
    const [counts] = await sql<{ sessions: number; samples: number }[]>`
      select (select count(*)::int from transactions) as sessions, (select count(*)::int from meter_values) as samples`;
    expect(counts).toEqual({ sessions: 30, samples: 150 });
    expect(pageTargets(seeded).map((target) => target.path)).toContain(`/sessions/${seeded.sessionId}`);

    const cookie = await sessionCookie({ userId: seeded.userId, sessionToken: seeded.sessionToken, secret: 'smoke-secret' });
    const token = await decode({ token: cookie.split('=')[1], secret: 'smoke-secret', salt: 'authjs.session-token' });
    expect(token).toMatchObject({ sub: seeded.userId, sid: seeded.sessionToken });

    const counter = await startQueryCounter(database.url);
    cleanups.push(counter.close);
    const baseUrl = await startProbeServer(counter);
    const page = await measurePage({ name: 'probe', path: '/' }, { baseUrl, cookie, counter, iterations: 5, warmup: 1 });
    expect(page).toMatchObject({ statuses: [200], queriesPerRequest: 2 });
    expect(page.ms.count).toBe(5);
    const download = await measureDownload({ name: 'export', path: '/export' }, { baseUrl, cookie, pid: process.pid });
    expect(download).toMatchObject({ status: 200, lines: 1000 });
    expect(download.rssPeakMiB).toBeGreaterThan(0);

    const report: WebBenchReport = {
      options: { sizes: { chargers: 3, sessions: 30, meterValuesPerSession: 5, cards: 2 }, iterations: 5, warmup: 1, port: 0, isBuildReused: true },
      seedSeconds: 0,
      buildSeconds: null,
      queryCounting: 'wire',
      pages: [page],
      exports: [download],
    };
    expect(webMarkdown(report)).toContain('| probe | 200 |');
  });
});
