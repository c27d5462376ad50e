import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type DbOptions = { max?: number; onnotice?: (notice: postgres.Notice) => void };

export function createDb(url: string, { max = 10, onnotice = () => {} }: DbOptions = {}) {
  const sql = postgres(url, { max, onnotice });
  const db = drizzle({ client: sql, schema, casing: 'snake_case' });
  return { db, sql };
}

export type Database = ReturnType<typeof createDb>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
