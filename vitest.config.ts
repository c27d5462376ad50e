import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; under test it guards nothing.
      'server-only': path.resolve(import.meta.dirname, 'tests/setup/empty-module.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    // tests/faults: the long fault suite of its own (vitest.faults.config.ts).
    exclude: ['node_modules/**', '.next*/**', '.data/**', '.bench/**', 'e2e/**', 'tests/faults/**'],
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/env.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
