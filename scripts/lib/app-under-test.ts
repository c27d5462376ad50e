import type { ChildProcess } from 'node:child_process';
import { runMigrations } from '../../db/migrate';
import { provideTestDatabase } from './database';
import { logger, NEXT_BIN, run, startProcess, stopProcess, type Env } from './processes';
import { waitForHttp } from './wait';
import { OCPP_NODE_FLAGS } from '../../ocpp-server/node-flags';

const node = process.execPath;

// A database of the run's own, migrated, dropped when the body is done.
export async function withDatabase(body: (url: string) => Promise<void>) {
  const database = await provideTestDatabase(logger('db'));
  try {
    await runMigrations(database.url);
    await body(database.url);
  } finally {
    await database.stop();
  }
}

// The environment of a production build driven by Playwright: mail goes to the local mailbox, nothing leaves the machine.
export function appUnderTestEnv({ databaseUrl, webPort, ocppPort }: { databaseUrl: string; webPort: string; ocppPort: string }): Env {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    LOCAL_MAILBOX: '1',
    RESEND_API_KEY: '',
    PORT: webPort,
    OCPP_PORT: ocppPort,
    OCPP_PUBLIC_URL: `ws://localhost:${ocppPort}`,
    APP_URL: `http://localhost:${webPort}`,
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-test',
    // The Stripe stub e2e/payments.spec.ts starts on this port: Stripe is never called from the tests.
    STRIPE_API_BASE: process.env.E2E_STRIPE_API_BASE ?? 'http://127.0.0.1:12110',
    // The statement sweep charges saved cards of statements just issued: e2e/payments.spec.ts waits for it. Safe for the
    // other specs: it issues only last month's statements (e2e/statements.spec.ts issues its own the same way, once per
    // member whichever run comes first), e-mails each once, and no spec counts statement e-mails or mails in general.
    OCPP_STATEMENT_SWEEP_INTERVAL: '3',
  };
}

// Builds the web app, starts it and the OCPP server, runs Playwright with the given arguments, and stops both.
export async function playwrightAgainstBuild(env: Env, playwrightArgs: string[], playwrightEnv: Env = {}) {
  const webPort = env.PORT!;
  await run('web', node, [NEXT_BIN, 'build'], { ...env, NODE_ENV: 'production' });
  const children: ChildProcess[] = [
    startProcess('web', node, [NEXT_BIN, 'start', '--port', webPort], env),
    startProcess('ocpp', node, [...OCPP_NODE_FLAGS, '--import', 'tsx', 'ocpp-server/src/main.ts'], env),
  ];
  try {
    await waitForHttp(`http://localhost:${webPort}/login`, 60_000);
    await run('test', node, ['node_modules/@playwright/test/cli.js', 'test', ...playwrightArgs], {
      ...env,
      ...playwrightEnv,
      E2E_BASE_URL: `http://localhost:${webPort}`,
    });
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
  }
}
