// `npm start` / `npm run dev`: database up and migrated, then the web app and the OCPP server
// side by side in one terminal, all stopped together by Ctrl-C or SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { runMigrations } from '../db/migrate';
import { localAuthSecret } from './lib/auth-secret';
import { provideDatabase } from './lib/database';
import { startGuardian } from './lib/guardian';
import { logger, NEXT_BIN, startProcess, stopProcess, succeeded, type Env, type Tag } from './lib/processes';
import { OCPP_NODE_FLAGS } from '../ocpp-server/node-flags';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const webPort = process.env.PORT ?? '3000';
const log = logger('db');

// Checked before anything starts: a deployment's own database means a deployment's own secret.
const isDeployment = mode === 'start' && Boolean(process.env.DATABASE_URL);
let authSecret = '';
try {
  authSecret = localAuthSecret({ isDeployment });
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const guardian = startGuardian();
const children: ChildProcess[] = [];
const databaseReady = provideDatabase(log, { onOwnCluster: (databaseDir) => guardian.watchCluster(databaseDir) });

let isStopping = false;
async function shutdown(code: number) {
  if (isStopping) return;
  isStopping = true;
  await Promise.all(children.map((child) => stopProcess(child)));
  // A stop while PostgreSQL is still starting waits for it, so as not to leave it running.
  const database = await databaseReady.catch(() => undefined);
  await database?.stop();
  log('stopped');
  process.exit(code);
}

// SIGHUP: the terminal was closed.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
// `npm start` runs this script under `sh -c`, and npm passes a SIGTERM on to that shell alone, which dies of
// it: this process, never signalled, would serve on. A parent gone is taken as a stop.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(0);
}, 500).unref();

const never = () => new Promise<never>(() => {});

// A setup problem (a database too old or out of reach, a failed build) ends the run with its one-line
// reason and what was started stopped, not a stack trace.
async function failStart(error: unknown): Promise<never> {
  if (!isStopping) log(error instanceof Error ? error.message : String(error));
  await shutdown(1);
  return never();
}

// Once a stop has begun, setup goes no further: what it would start next would be left running.
async function setupStep<T>(work: Promise<T>): Promise<T> {
  const value = await work.catch(failStart);
  return isStopping ? never() : value;
}

function startWatched(tag: Tag, args: string[], env: Env): ChildProcess {
  const child = startProcess(tag, process.execPath, args, env);
  const pgid = child.pid;
  if (!pgid) return child;
  guardian.watchGroup(pgid);
  children.push(child);
  // Once a group is empty its id may be given to someone else's: whatever the leader left is stopped
  // now, and from then on neither this script nor the guardian signals that id (the finished build).
  child.once('exit', () => {
    void stopProcess(child).then(() => {
      const index = children.indexOf(child);
      if (index >= 0) children.splice(index, 1);
      guardian.forgetGroup(pgid);
    });
  });
  return child;
}

const database = await setupStep(databaseReady);
log(database.isEmbedded ? `embedded PostgreSQL at ${database.url.replace(/:[^:@/]+@/, ':***@')}` : 'using DATABASE_URL');
await setupStep(runMigrations(database.url));
log('migrations applied');

const env = {
  DATABASE_URL: database.url,
  AUTH_SECRET: authSecret,
  NEXT_TELEMETRY_DISABLED: '1',
  // The mailbox shows every e-mail with its links (password resets too): never on by default in a deployment.
  LOCAL_MAILBOX: process.env.LOCAL_MAILBOX ?? (isDeployment ? '0' : '1'),
};
if (mode === 'start') await setupStep(succeeded('web', startWatched('web', [NEXT_BIN, 'build'], { ...env, NODE_ENV: 'production' })));

const servers = [startWatched('web', [NEXT_BIN, mode, '--port', webPort], env), startWatched('ocpp', [...OCPP_NODE_FLAGS, '--import', 'tsx', 'ocpp-server/src/main.ts'], env)];
logger('web')(`Chargewatch on http://localhost:${webPort}`);
for (const server of servers) {
  server.on('exit', (code) => {
    if (!isStopping) {
      log(`a process exited with ${code}; stopping the platform`);
      void shutdown(code ?? 1);
    }
  });
}
