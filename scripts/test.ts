// `npm test`: typecheck, lint, an audit of the production dependencies, then three tiers of tests: quick (unit and
// integration tests, files side by side) and load (the fault suite and the scale, fuzz, flood, volume and benchmark
// smoke tests, one file at a time) on one fresh PostgreSQL database, and browser (a production build driven by
// Playwright in Chromium) on another. `npm test -- quick load` runs only the steps named.
import { appUnderTestEnv, playwrightAgainstBuild, withDatabase } from './lib/app-under-test';
import { auditProductionDependencies } from './lib/audit';
import { logger, NEXT_BIN, run } from './lib/processes';
import { LOAD_REPORT, PLAYWRIGHT_REPORT, QUICK_REPORT, resetReports, tally } from './lib/tally';

const log = logger('test');
const STEPS = ['typecheck', 'lint', 'audit', 'quick', 'load', 'browser'];
const named = process.argv.slice(2);
const unknown = named.filter((step) => !STEPS.includes(step));
if (unknown.length > 0) {
  console.error(`unknown step ${unknown.join(', ')}: the steps are ${STEPS.join(', ')}`);
  process.exit(2);
}
const steps = named.length > 0 ? named : STEPS;
const node = process.execPath;

async function vitest({ url, report, config }: { url: string; report: string; config?: string }) {
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const configArgs = config ? ['--config', config] : [];
  await run('test', node, ['node_modules/vitest/vitest.mjs', 'run', ...configArgs, ...reporters], { TEST_DATABASE_URL: url });
}

async function e2e(databaseUrl: string) {
  const env = appUnderTestEnv({ databaseUrl, webPort: process.env.E2E_WEB_PORT ?? '3100', ocppPort: process.env.E2E_OCPP_PORT ?? '9100' });
  await playwrightAgainstBuild(env, ['--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT });
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
  if (steps.some((step) => ['quick', 'load'].includes(step))) {
    await withDatabase(async (url) => {
      if (steps.includes('quick')) await vitest({ url, report: QUICK_REPORT });
      if (steps.includes('load')) await vitest({ url, report: LOAD_REPORT, config: 'vitest.faults.config.ts' });
    });
  }
  // The app under the browser tests gets a database of its own, as a deployment has: what the other tiers leave
  // behind is not its data (the platform CA a test made and sealed under its own AUTH_SECRET, for one).
  if (steps.includes('browser')) await withDatabase(e2e);
  log(`all steps passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  exitCode = 1;
}
const counts = tally();
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(exitCode);
