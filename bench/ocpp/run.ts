import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from '../../scripts/lib/database';
import { stopChild } from '../lib/children';
import { runLoad, type LoadOptions } from './load';
import { registerBenchChargers } from './register';
import { connectRemoteStartCharger, measureRemoteStarts, type RemoteStartResult } from './remote-start';
import { checkRows, countRows } from './rows';
import { seedMeterValues } from './seed-meter-values';
import { scrapeServerMetrics, type ServerMetrics } from './server-metrics';
import { spawnServer, type ServerKind } from './servers';
import type { BenchProtocol } from './worker-protocol';

export type OcppBenchOptions = {
  // What the fleet speaks (the remote-start probe stays a 1.6 charger).
  ocpp: BenchProtocol;
  chargers: number;
  rate: number;
  seconds: number;
  chargingShare: number;
  workers: number;
  heartbeatSeconds: number;
  remoteStartGapMs: number;
  sessionSpreadSeconds: number | null;
  // Meter values written before the run (history on the bench's chargers), to measure the platform on a grown table.
  seedMeterValues: number;
};

export async function runOcppBench(options: OcppBenchOptions, log: (line: string) => void) {
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
    const load: Omit<LoadOptions, 'duringSteady'> = { ...options, identities, charging, idTag };

    async function phase(kind: ServerKind) {
      log(`${kind} server: connecting ${options.chargers} chargers, then ${options.seconds} s of load`);
      const server = await spawnServer(kind, { DATABASE_URL: database.url, OCPP_INSTANCE_ID: `bench-${kind}` });
      let remoteStart: RemoteStartResult | null = null;
      try {
        const remoteCharger = kind === 'platform' ? await connectRemoteStartCharger({ db, identity: remoteStartIdentity, port: server.port }) : null;
        const duringSteady = remoteCharger
          ? async (signal: AbortSignal) => {
              remoteStart = await measureRemoteStarts(remoteCharger, { db, accountId, idTag, gapMs: options.remoteStartGapMs }, signal);
            }
          : undefined;
        const result = await runLoad(server, { ...load, duringSteady });
        const metrics = kind === 'platform' ? await scrapeServerMetrics(server.port) : null;
        return { result, remoteStart: remoteStart as RemoteStartResult | null, metrics };
      } finally {
        await stopChild(server.child, 10_000);
      }
    }

    const bare = await phase('bare');
    const platform = await phase('platform');
    const rows = await checkRows(db, platform.result, rowsBefore);
    const bareRate = bare.result.steady.messagesPerSecond;
    return {
      options,
      throughputRatio: bareRate > 0 ? Math.round((platform.result.steady.messagesPerSecond / bareRate) * 100) / 100 : 0,
      platform: platform.result,
      bare: bare.result,
      remoteStart: platform.remoteStart,
      serverMetrics: platform.metrics as ServerMetrics | null,
      rows,
      seeded,
    };
  } finally {
    await sql.end();
    await database.stop();
  }
}

export type OcppBenchReport = Awaited<ReturnType<typeof runOcppBench>>;
