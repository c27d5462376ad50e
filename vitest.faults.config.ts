import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:faults`: kills, restarts and storms over real processes, one file at a time (each drives
// hundreds or thousands of chargers and would starve the others on a small machine).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The PostgreSQL restart test drives the web app's own data layer (lib/db.ts, the live event hub).
      'server-only': path.resolve(import.meta.dirname, 'tests/setup/empty-module.ts'),
    },
  },
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
