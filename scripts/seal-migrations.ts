// Run by `npm run db:generate` after drizzle-kit: seals each new migration; a sealed one is never resealed.
import { appendFileSync, existsSync } from 'node:fs';
import { migrationFiles, readSeals, SEALS_FILE, sealLine } from '../db/migration-seals';

const sealed = existsSync(SEALS_FILE) ? readSeals() : new Map<string, string>();
for (const name of migrationFiles().filter((file) => !sealed.has(file))) {
  appendFileSync(SEALS_FILE, sealLine(name));
  console.log(`sealed ${name}`);
}
