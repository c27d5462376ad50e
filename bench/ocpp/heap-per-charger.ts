// `npx tsx bench/ocpp/heap-per-charger.ts [--chargers 5000] [--workers 2] [--settle-seconds 10]`: the OCPP server's
// live heap per idle connected charger (issue 23: 19,000 chargers in under 1 GiB). The real server, on a fresh embedded
// database, is collected (ocpp-server/test/heap-probe.ts) before the fleet connects and again once it sits booted and idle.
import { fork } from 'node:child_process';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from '../../scripts/lib/database';
import { stopChild, track } from '../lib/children';
import { mib, sampleProcess } from '../lib/proc';
import { registerBenchChargers } from './register';
import { spawnServer, type SpawnedServer } from './servers';
import type { ParentMessage, WorkerConnected } from './worker-protocol';

const { values } = parseArgs({
  options: {
    chargers: { type: 'string', default: '5000' },
    workers: { type: 'string', default: '2' },
    'settle-seconds': { type: 'string', default: '10' },
  },
});
const count = Number(values.chargers);
const workerCount = Number(values.workers);
const settleMs = Number(values['settle-seconds']) * 1000;
if (!Number.isInteger(count) || count < 1 || count > 50_000) throw new Error('--chargers must be an integer from 1 to 50000');
if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 16) throw new Error('--workers must be 1 to 16');
if (!(settleMs >= 0 && settleMs <= 600_000)) throw new Error('--settle-seconds must be 0 to 600');

type HeapLine = { heapUsed: number; rss: number };

// The server is started with the tests' heap probe preloaded: on SIGUSR2 it collects all garbage and prints what lives on.
const HEAP_PROBE = ['--import', './ocpp-server/test/heap-probe.ts'];

async function liveHeap(server: SpawnedServer, lines: AsyncIterator<string>) {
  server.child.kill('SIGUSR2');
  for (let line = await lines.next(); !line.done; line = await lines.next()) {
    if (line.value.includes('"msg":"heap probe"')) return JSON.parse(line.value) as HeapLine;
  }
  throw new Error('the server printed no heap figures');
}

function connectFleet(port: number, identities: string[]) {
  const workers = Array.from({ length: workerCount }, () =>
    track(fork('bench/ocpp/load-worker.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true })),
  );
  const connected = workers.map(
    (worker, index) =>
      new Promise<WorkerConnected>((resolve, reject) => {
        worker.on('message', (message: WorkerConnected) => message.type === 'connected' && resolve(message));
        worker.once('exit', (code) => reject(new Error(`load worker exited with ${code} before it connected`)));
        const share = identities.filter((_, position) => position % workerCount === index);
        const start: ParentMessage = {
          type: 'start', ocpp: '1.6', url: `ws://127.0.0.1:${port}/ocpp`, identities: share, charging: [], idTag: '',
          meterIntervalMs: 3_600_000, heartbeatIntervalMs: 3_600_000, connectConcurrency: 100,
        };
        worker.send(start);
      }),
  );
  return { workers, connected: Promise.all(connected) };
}

const log = (line: string) => console.log(`[heap] ${line}`);
const database = await provideTestDatabase(log);
const { db, sql } = createDb(database.url, { max: 4 });
try {
  await runMigrations(database.url);
  const identities = Array.from({ length: count }, (_, index) => `BENCH-${String(index + 1).padStart(5, '0')}`);
  log(`registering ${count} chargers`);
  await registerBenchChargers(db, database.url, identities);
  const server = await spawnServer('platform', { DATABASE_URL: database.url, OCPP_INSTANCE_ID: 'bench-heap' }, HEAP_PROBE);
  const lines = readline.createInterface({ input: server.child.stdout! })[Symbol.asyncIterator]();
  try {
    await sleep(2000);
    const empty = await liveHeap(server, lines);
    log(`empty server: ${mib(empty.heapUsed)} MiB live heap, ${mib(empty.rss)} MiB RSS`);
    const fleet = connectFleet(server.port, identities);
    const booted = await fleet.connected;
    const connected = booted.reduce((sum, worker) => sum + worker.connected, 0);
    log(`${connected} chargers connected and booted; settling ${settleMs / 1000} s`);
    await sleep(settleMs);
    const full = await liveHeap(server, lines);
    const perCharger = Math.round((full.heapUsed - empty.heapUsed) / connected);
    console.log(
      JSON.stringify({ chargers: connected, liveHeapBytesPerCharger: perCharger, liveHeapMiB: mib(full.heapUsed), emptyHeapMiB: mib(empty.heapUsed), rssMiB: mib(full.rss), peakRssMiB: mib(sampleProcess(server.pid).peakRssBytes) }),
    );
    await Promise.all(fleet.workers.map((worker) => stopChild(worker, 2000)));
  } finally {
    await stopChild(server.child, 10_000);
  }
} finally {
  await sql.end();
  await database.stop();
}
process.exit(0);
