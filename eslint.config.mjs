import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an as-const union or pgEnum.' }],
    },
  },
  {
    // new Date(text) reads a charger's time without an offset in the server's own time zone.
    files: ['ocpp-server/src/handlers/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an as-const union or pgEnum.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length>0]", message: 'Read charger timestamps with parseChargerTime (src/ocpp/charger-time.ts).' },
      ],
    },
  },
  globalIgnores(['.next*/**', '.bench/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
