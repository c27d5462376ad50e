import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOcppTypes } from '../../../scripts/ocpp-types/generate';

const root = path.resolve(import.meta.dirname, '../../..');

// Fails after an ocpp-rpc upgrade that changes its schemas, or a generator change, until `npm run ocpp:types` is run
// and its output committed.
describe('generated OCPP types', () => {
  for (const file of generateOcppTypes()) {
    it(`${file.path} matches the schemas ocpp-rpc ships`, () => {
      expect(readFileSync(path.join(root, file.path), 'utf8'), 'run `npm run ocpp:types`').toBe(file.text);
    });
  }
});
