import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

// How TypeScript property names become column names; SQL written outside the query builder names columns the same way.
export const CASING = 'snake_case';

// applicationName: how pg_stat_activity names this process's connections (PostgreSQL keeps the first 63 bytes).
export type DbOptions = { max?: number; onnotice?: (notice: postgres.Notice) => void; applicationName?: string };

// postgres.js waits min(3^retries / 100, 20) s before reconnecting, retries counting every failed attempt of the
// outage: after a restart of PostgreSQL the first query could wait 20 s. Capped at 1 s (with jitter, so the
// connections of many processes do not return in step), requests are answered again within a second or two.
function reconnectDelaySeconds(retries: number) {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1);
}

export function createDb(url: string, { max = 10, onnotice = () => {}, applicationName }: DbOptions = {}) {
  const connection = applicationName ? { application_name: applicationName } : {};
  const sql = postgres(url, { max, onnotice, backoff: reconnectDelaySeconds, connection });
  const db = drizzle({ client: sql, schema, casing: CASING });
  return { db, sql };
}

export type Database = ReturnType<typeof createDb>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
