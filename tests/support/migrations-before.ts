import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../db/migration-seals';

// The migrations before `tag`, as a database deployed before that release has them: a folder for drizzle's migrate,
// for the caller to remove.
export async function migrationsBefore(tag: string) {
  const folder = await mkdtemp(path.join(tmpdir(), 'chargewatch-migrations-'));
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === tag));
  await mkdir(path.join(folder, 'meta'));
  await writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  await Promise.all(entries.map((entry) => copyFile(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`))));
  return folder;
}

// A database of its own on the test server (dropped by the caller), for migrations and sweeps that must not touch
// the data of the test files running beside it.
export function databaseUrlNamed(name: string) {
  return Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).href;
}
