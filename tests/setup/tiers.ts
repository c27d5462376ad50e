// The load tier (`npm run test:load`, vitest.faults.config.ts): the fault suite and the tests that drive hundreds
// of chargers, a fuzzer, floods, 100,000 rows or a benchmark. Each needs the machine's cores to itself, so these
// files run one at a time and stay out of the quick tier (vitest.config.ts), whose files run side by side.
export const LOAD_TESTS = [
  'tests/faults/**/*.fault.test.ts',
  'ocpp-server/test/scale.test.ts',
  'ocpp-server/test/fuzz.test.ts',
  'ocpp-server/test/floods.test.ts',
  'ocpp-server/test/restart.test.ts',
  'tests/sessions/export-volume.test.ts',
  'bench/**/*.test.ts',
];
