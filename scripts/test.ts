// `npm test`: typecheck, lint, an audit of the production dependencies, unit + integration tests
// against a fresh PostgreSQL database, the fault suite (kills, restarts, storms), then a production build driven by Playwright in Chromium.
import type { ChildProcess } from 'node:child_process';
import { runMigrations } from '../db/migrate';
import { auditProductionDependencies } from './lib/audit';
import { provideTestDatabase } from './lib/database';
import { logger, NEXT_BIN, run, startProcess, stopProcess } from './lib/processes';
import { FAULTS_REPORT, PLAYWRIGHT_REPORT, resetReports, tally, VITEST_REPORT } from './lib/tally';
import { waitForHttp } from './lib/wait';

const log = logger('test');
const only = process.argv[2];
const steps = only ? [only] : ['typecheck', 'lint', 'audit', 'unit', 'faults', 'e2e'];
const node = process.execPath;

async function withDatabase(body: (url: string) => Promise<void>) {
  const database = await provideTestDatabase(logger('db'));
  try {
    await runMigrations(database.url);
    await body(database.url);
  } finally {
    await database.stop();
  }
}

async function vitest({ url, report, config }: { url: string; report: string; config?: string }) {
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const configArgs = config ? ['--config', config] : [];
  await run('test', node, ['node_modules/vitest/vitest.mjs', 'run', ...configArgs, ...reporters], { TEST_DATABASE_URL: url });
}

async function e2e(databaseUrl: string) {
  const webPort = process.env.E2E_WEB_PORT ?? '3100';
  const ocppPort = process.env.E2E_OCPP_PORT ?? '9100';
  const env = {
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
  };
  await run('web', node, [NEXT_BIN, 'build'], { ...env, NODE_ENV: 'production' });
  const children: ChildProcess[] = [
    startProcess('web', node, [NEXT_BIN, 'start', '--port', webPort], env),
    startProcess('ocpp', node, ['--import', 'tsx', 'ocpp-server/src/main.ts'], env),
  ];
  try {
    await waitForHttp(`http://localhost:${webPort}/login`, 60_000);
    await run('test', node, ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
      ...env,
      E2E_BASE_URL: `http://localhost:${webPort}`,
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
    });
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
  }
}

const started = Date.now();
resetReports();
let exitCode = 0;
try {
  if (steps.includes('typecheck')) {
    await run('test', node, [NEXT_BIN, 'typegen']);
    await run('test', node, ['node_modules/typescript/bin/tsc', '--noEmit']);
  }
  // The same checks as `npm run lint`: ESLint, then the dependency rules of .dependency-cruiser.cjs.
  if (steps.includes('lint')) await run('test', 'npm', ['run', '--silent', 'lint']);
  if (steps.includes('audit')) await auditProductionDependencies(log);
  if (steps.some((step) => ['unit', 'faults', 'e2e'].includes(step))) {
    await withDatabase(async (url) => {
      if (steps.includes('unit')) await vitest({ url, report: VITEST_REPORT });
      if (steps.includes('faults')) await vitest({ url, report: FAULTS_REPORT, config: 'vitest.faults.config.ts' });
      if (steps.includes('e2e')) await e2e(url);
    });
  }
  log(`all steps passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  exitCode = 1;
}
const counts = tally();
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(exitCode);
