import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { LOAD_TESTS } from './tests/setup/tiers.js';

// `npm run test:load`: the fault suite (kills, restarts and storms over real processes) and the load tests, one
// file at a time (each drives hundreds or thousands of chargers or rows and would starve the others on a small machine).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The PostgreSQL restart test and the export volume test drive the web app's own data layer (lib/db.ts).
      'server-only': path.resolve(import.meta.dirname, 'tests/setup/empty-module.ts'),
    },
  },
  test: {
    include: LOAD_TESTS,
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/env.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
