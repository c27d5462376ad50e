import { execFile } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { digestOf, migrationFiles, MIGRATIONS_DIR, readSeals } from '@/db/migration-seals';

const ROOT = path.resolve(import.meta.dirname, '../..');
// drizzle-kit takes its output folder relative to the working directory; .data/ is ignored by git.
const SCRATCH = `.data/migrations-check-${process.pid}`;
const drizzleKit = path.join(ROOT, 'node_modules/drizzle-kit/bin.cjs');

afterAll(() => rmSync(path.join(ROOT, SCRATCH), { recursive: true, force: true }));

describe('the committed migrations', () => {
  // drizzle-kit loads the whole schema through its own bundler: seconds, more on a busy machine, so no racing timeout.
  it('describe the Drizzle schema exactly: generating again finds nothing to migrate', async () => {
    cpSync(MIGRATIONS_DIR, path.join(ROOT, SCRATCH), { recursive: true });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [drizzleKit, 'generate', '--dialect', 'postgresql', '--schema', './db/schema/index.ts', '--casing', 'snake_case', '--out', SCRATCH],
      { cwd: ROOT },
    );
    expect(stdout).toContain('No schema changes');
    expect(readdirSync(path.join(ROOT, SCRATCH)).sort()).toEqual(readdirSync(MIGRATIONS_DIR).sort());
  }, 600_000);

  it('are each sealed when generated and never edited afterwards', () => {
    const seals = readSeals();
    for (const name of migrationFiles()) {
      expect(seals.get(name), `${name} is not sealed: run \`npm run db:generate\` (or npx tsx scripts/seal-migrations.ts)`).toBeDefined();
      expect(digestOf(name), `${name} changed after it was sealed: add a new migration instead`).toBe(seals.get(name));
    }
  });
});
