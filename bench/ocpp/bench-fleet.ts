import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from '../../scripts/lib/database';
import { stopChild } from '../lib/children';
import { runLoad, type LoadOptions } from './load';
import { registerBenchChargers } from './register';
import { connectRemoteStartCharger, measureRemoteStarts, type RemoteStartResult } from './remote-start';
import { countRows } from './rows';
import { seedMeterValues } from './seed-meter-values';
import { scrapeServerMetrics, type ServerMetrics } from './server-metrics';
import { spawnServer, type ServerKind } from './servers';
import type { OcppBenchOptions } from './run';

// PostgreSQL's postmaster, as the parent of this connection's backend: null when the database is not on this machine.
async function postmasterPid(db: ReturnType<typeof createDb>['db']) {
  const [row] = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  try {
    const stat = readFileSync(`/proc/${row!.pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

// What one phase changes from the run's options: the sweep's steps differ only in these.
export type PhaseLoad = Pick<LoadOptions, 'rate' | 'closedLoop' | 'seconds'> & { measureRemoteStart: boolean };

// A fresh migrated database with the bench's chargers registered (and seeded if asked); `phase` runs one load against
// one freshly started server, so each phase's /metrics are its own.
export async function withBenchFleet<T>(options: OcppBenchOptions, log: (line: string) => void, body: (fleet: BenchFleet) => Promise<T>) {
  const database = await provideTestDatabase(log);
  const { db, sql } = createDb(database.url, { max: 4 });
  try {
    await runMigrations(database.url);
    const identities = Array.from({ length: options.chargers }, (_, index) => `BENCH-${String(index + 1).padStart(5, '0')}`);
    const remoteStartIdentity = 'BENCH-REMOTE';
    log(`registering ${options.chargers} chargers`);
    const { accountId, idTag } = await registerBenchChargers(db, database.url, [...identities, remoteStartIdentity]);
    const seeded = options.seedMeterValues > 0 ? await seedMeterValues(db, { accountId, rows: options.seedMeterValues, log }) : null;
    if (seeded) log(`seeded ${seeded.meterValues.toLocaleString('en')} meter values (${seeded.tableMegabytes} MB) in ${seeded.seconds} s`);
    const rowsBefore = seeded ? await countRows(db) : null;
    const chargingCount = Math.round(options.chargers * options.chargingShare);
    const charging = identities.filter((_, index) => index % Math.max(1, Math.round(1 / options.chargingShare)) === 0).slice(0, chargingCount);
    const load: Omit<LoadOptions, 'duringSteady'> = { ...options, identities, charging, idTag, databasePid: await postmasterPid(db) };

    async function phase(kind: ServerKind, { measureRemoteStart, ...step }: PhaseLoad) {
      log(`${kind} server: connecting ${options.chargers} chargers, then ${step.seconds} s of ${step.closedLoop ? 'closed-loop load' : `${Math.round(step.rate)} MeterValues/s`}`);
      const server = await spawnServer(kind, { DATABASE_URL: database.url, OCPP_INSTANCE_ID: `bench-${kind}` });
      let remoteStart: RemoteStartResult | null = null;
      try {
        const remoteCharger = measureRemoteStart ? await connectRemoteStartCharger({ db, identity: remoteStartIdentity, port: server.port }) : null;
        const duringSteady = remoteCharger
          ? async (signal: AbortSignal) => {
              remoteStart = await measureRemoteStarts(remoteCharger, { db, accountId, idTag, gapMs: options.remoteStartGapMs }, signal);
            }
          : undefined;
        const result = await runLoad(server, { ...load, ...step, duringSteady });
        const metrics: ServerMetrics | null = kind === 'platform' ? await scrapeServerMetrics(server.port) : null;
        return { result, remoteStart: remoteStart as RemoteStartResult | null, metrics };
      } finally {
        await stopChild(server.child, 10_000);
      }
    }

    return await body({ db, seeded, rowsBefore, phase });
  } finally {
    await sql.end();
    await database.stop();
  }
}

export type BenchFleet = {
  db: ReturnType<typeof createDb>['db'];
  seeded: Awaited<ReturnType<typeof seedMeterValues>> | null;
  rowsBefore: Awaited<ReturnType<typeof countRows>> | null;
  phase: (kind: ServerKind, load: PhaseLoad) => Promise<{ result: Awaited<ReturnType<typeof runLoad>>; remoteStart: RemoteStartResult | null; metrics: ServerMetrics | null }>;
};
