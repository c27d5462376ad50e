import 'server-only';
import { createDb, type Database } from '@/db/client';

const globalForDb = globalThis as unknown as { chargewatchDb?: Database };

// Created on first use, not at import, so that `next build` needs no database.
export function db(): Database {
  if (!globalForDb.chargewatchDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    globalForDb.chargewatchDb = createDb(url).db;
  }
  return globalForDb.chargewatchDb;
}
