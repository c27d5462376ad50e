import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:faults`: kills, restarts and storms over real processes, one file at a time (each drives
// hundreds or thousands of chargers and would starve the others on a small machine). The OCPP server and
// simulators import no `@/` module and no `server-only`, so none of vitest.config.ts's aliases is needed.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/faults/**/*.fault.test.ts'],
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/env.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
