import { randomBytes } from 'node:crypto';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from '../../scripts/lib/database';
import { stopChild } from '../lib/children';
import { measureDownload, measurePage, type PageTarget } from './measure';
import { buildWeb, startWeb, webEnv } from './next-server';
import { startQueryCounter } from './query-counter';
import { seedAccount, type SeedSizes, type SeededAccount } from './seed';
import { sessionCookie } from './session-cookie';

export type WebBenchOptions = { sizes: SeedSizes; iterations: number; warmup: number; port: number; isBuildReused: boolean };

export function pageTargets(seeded: SeededAccount): PageTarget[] {
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'dashboard', path: '/dashboard' },
    { name: 'chargers', path: '/chargers' },
    { name: 'sessions', path: '/sessions' },
    { name: 'sessions, page 500', path: '/sessions?page=500' },
    { name: 'sessions, charger + from filter', path: `/sessions?chargerId=${seeded.chargerId}&from=${monthAgo}` },
    { name: 'session page', path: `/sessions/${seeded.sessionId}` },
  ];
}

export async function runWebBench(options: WebBenchOptions, log: (line: string) => void) {
  const database = await provideTestDatabase(log);
  const { sql } = createDb(database.url, { max: 2 });
  const counter = await startQueryCounter(database.url);
  try {
    await runMigrations(database.url);
    log(`seeding ${JSON.stringify(options.sizes)}`);
    const seedBegan = performance.now();
    const seeded = await seedAccount(sql, options.sizes);
    const seedSeconds = Math.round((performance.now() - seedBegan) / 100) / 10;
    const authSecret = randomBytes(32).toString('base64url');
    const env = webEnv({ databaseUrl: counter.url, port: options.port, authSecret });
    log('building (production)');
    const buildBegan = performance.now();
    const isBuilt = await buildWeb(env, { isReused: options.isBuildReused });
    const buildSeconds = isBuilt ? Math.round((performance.now() - buildBegan) / 1000) : null;
    const web = await startWeb(env, options.port);
    try {
      const cookie = await sessionCookie({ userId: seeded.userId, sessionToken: seeded.sessionToken, secret: authSecret });
      const baseUrl = `http://127.0.0.1:${options.port}`;
      const pages = [];
      for (const target of pageTargets(seeded)) {
        log(`measuring ${target.name}`);
        pages.push(await measurePage(target, { baseUrl, cookie, counter, iterations: options.iterations, warmup: options.warmup }));
      }
      log('measuring the CSV export');
      const exportTarget = { name: 'sessions/export.csv', path: '/sessions/export.csv' };
      const exports = [];
      for (let run = 0; run < 2; run++) exports.push(await measureDownload(exportTarget, { baseUrl, cookie, pid: web.pid! }));
      return { options, seedSeconds, buildSeconds, queryCounting: 'wire: Execute + simple Query messages through a PostgreSQL protocol proxy', pages, exports };
    } finally {
      await stopChild(web, 5000);
    }
  } finally {
    await counter.close();
    await sql.end();
    await database.stop();
  }
}

export type WebBenchReport = Awaited<ReturnType<typeof runWebBench>>;
