// `npm run ocpp:types`: writes the OCPP message types from the JSON schemas ocpp-rpc ships.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateOcppTypes } from './ocpp-types/generate';

const root = path.resolve(import.meta.dirname, '..');
for (const file of generateOcppTypes()) {
  const target = path.join(root, file.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  console.log(`wrote ${file.path}`);
}
