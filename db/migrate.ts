import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// UNIQUE NULLS NOT DISTINCT (0005_meter_values_once) came with PostgreSQL 15.
const MIN_MAJOR_VERSION = 15;

// server_version_num: 150004 is 15.4, 90624 (before PostgreSQL 10) is 9.6.24.
function versionName(versionNum: number) {
  const major = Math.floor(versionNum / 10000);
  if (major >= 10) return `${major}.${versionNum % 10000}`;
  return `${major}.${Math.floor(versionNum / 100) % 100}.${versionNum % 100}`;
}

// Why migrations cannot run on a server of this version, or null: said before the first statement, rather than a
// syntax error from the middle of a migration.
export function unsupportedServerMessage(versionNum: number): string | null {
  if (versionNum >= MIN_MAJOR_VERSION * 10000) return null;
  return `Chargewatch needs PostgreSQL ${MIN_MAJOR_VERSION} or newer; this server runs ${versionName(versionNum)}`;
}

export async function runMigrations(url: string) {
  const { db, sql } = createDb(url, { max: 1 });
  try {
    const [server] = await sql<{ versionNum: number }[]>`select current_setting('server_version_num')::int as "versionNum"`;
    const unsupported = unsupportedServerMessage(server!.versionNum);
    if (unsupported) throw new Error(unsupported);
    await migrate(db, { migrationsFolder });
  } finally {
    await sql.end();
  }
}
