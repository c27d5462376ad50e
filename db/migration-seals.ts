import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// A migration applied by a deployment must never change afterwards: PostgreSQL would keep the old version while new
// installs got the new one. Each committed migration's SHA-256 is written in SEALS_FILE when it is generated
// (`npm run db:generate`), and the tests compare every migration against it.
export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
export const SEALS_FILE = path.join(MIGRATIONS_DIR, 'SHA256SUMS');

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql')).sort();
}

export function digestOf(name: string): string {
  return createHash('sha256').update(readFileSync(path.join(MIGRATIONS_DIR, name))).digest('hex');
}

// The format of `sha256sum`, so `sha256sum -c SHA256SUMS` in the folder checks it too.
export function readSeals(): Map<string, string> {
  const lines = readFileSync(SEALS_FILE, 'utf8').split('\n').filter(Boolean);
  return new Map(lines.map((line) => { const [digest, name] = line.split(/\s+/); return [name!, digest!]; }));
}

export function sealLine(name: string): string {
  return `${digestOf(name)}  ${name}\n`;
}
