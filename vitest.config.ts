import path from 'node:path';
import { defineConfig } from 'vitest/config';
// With an extension, as Vite's config loader asks; `.js` resolves to the TypeScript file.
import { LOAD_TESTS } from './tests/setup/tiers.js';

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
    // The quick tier (`npm run test:quick`): everything but the load tier and the browser tests.
    exclude: ['node_modules/**', '.next*/**', '.data/**', '.bench/**', 'e2e/**', ...LOAD_TESTS],
    globalSetup: ['tests/setup/global-db.ts'],
    setupFiles: ['tests/setup/env.ts'],
    // Hang guards, far past any working test on a busy machine (some start OCPP server processes); no test
    // here races a clock.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
