import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A local run needs no setup: the session-signing secret is made once and kept under .data/.
// A deployment (`npm start` against its own DATABASE_URL) must bring its own: a secret that
// lives in a file beside the code would be lost, or copied, with the machine.
export function localAuthSecret({ isDeployment }: { isDeployment: boolean }): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (isDeployment) throw new Error('AUTH_SECRET is required when `npm start` runs against DATABASE_URL (generate one with: openssl rand -base64 32)');
  const file = path.resolve('.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
