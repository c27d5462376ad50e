// `npm start` / `npm run dev`: database up and migrated, then the web app and the OCPP server
// side by side in one terminal, all stopped together by Ctrl-C.
import type { ChildProcess } from 'node:child_process';
import { runMigrations } from '../db/migrate';
import { localAuthSecret } from './lib/auth-secret';
import { provideDatabase } from './lib/database';
import { logger, NEXT_BIN, run, startProcess, stopProcess } from './lib/processes';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const webPort = process.env.PORT ?? '3000';
const log = logger('db');
// A setup problem (no AUTH_SECRET for a deployment, a database too old or out of reach, a failed
// build) ends the run with its one-line reason and the embedded database stopped, not a stack trace.
async function failStart(error: unknown, stopDatabase?: () => Promise<void>): Promise<never> {
  log(error instanceof Error ? error.message : String(error));
  await stopDatabase?.().catch(() => {});
  process.exit(1);
}

// Checked before anything starts: a deployment's own database means a deployment's own secret.
const isDeployment = mode === 'start' && Boolean(process.env.DATABASE_URL);
let authSecret = '';
try {
  authSecret = localAuthSecret({ isDeployment });
} catch (error) {
  await failStart(error);
}

const database = await provideDatabase(log).catch((error: unknown) => failStart(error));
log(database.isEmbedded ? `embedded PostgreSQL at ${database.url.replace(/:[^:@/]+@/, ':***@')}` : 'using DATABASE_URL');
await runMigrations(database.url).catch((error: unknown) => failStart(error, database.stop));
log('migrations applied');

const env = {
  DATABASE_URL: database.url,
  AUTH_SECRET: authSecret,
  NEXT_TELEMETRY_DISABLED: '1',
  // The mailbox shows every e-mail with its links (password resets too): never on by default in a deployment.
  LOCAL_MAILBOX: process.env.LOCAL_MAILBOX ?? (isDeployment ? '0' : '1'),
};
if (mode === 'start') {
  await run('web', process.execPath, [NEXT_BIN, 'build'], { ...env, NODE_ENV: 'production' }).catch((error: unknown) => failStart(error, database.stop));
}

const children: ChildProcess[] = [
  startProcess('web', process.execPath, [NEXT_BIN, mode, '--port', webPort], env),
  startProcess('ocpp', process.execPath, ['--import', 'tsx', 'ocpp-server/src/main.ts'], env),
];
logger('web')(`Chargewatch on http://localhost:${webPort}`);

let isStopping = false;
async function shutdown(code: number) {
  if (isStopping) return;
  isStopping = true;
  await Promise.all(children.map((child) => stopProcess(child)));
  await database.stop();
  log('stopped');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (!isStopping) {
      log(`a process exited with ${code}; stopping the platform`);
      void shutdown(code ?? 1);
    }
  });
}
