import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderVersion } from './render';
import type { JsonSchema } from './schema-to-ts';
import { OCPP_VERSIONS } from './versions';

export type GeneratedFile = { path: string; text: string };

// The schema files of the installed ocpp-rpc, the ones its strict mode validates against.
function readSchemas(schemaFile: string): JsonSchema[] {
  const packageJson = createRequire(import.meta.url).resolve('ocpp-rpc/package.json');
  const schemas: unknown = JSON.parse(readFileSync(path.join(path.dirname(packageJson), 'lib', 'schemas', schemaFile), 'utf8'));
  if (!Array.isArray(schemas)) throw new Error(`${schemaFile}: expected an array of JSON schemas`);
  return schemas as JsonSchema[];
}

// Paths are relative to the repository root.
export function generateOcppTypes(): GeneratedFile[] {
  return OCPP_VERSIONS.map((version) => ({ path: version.outFile, text: renderVersion(version, readSchemas(version.schemaFile)) }));
}
