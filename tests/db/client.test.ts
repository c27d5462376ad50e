import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';

// The pool's reconnect delay is what decides how soon the web app and the OCPP server answer again after PostgreSQL
// returns (the fault suite restarts it under load and prints how soon); postgres.js's own grows to 20 s.
describe('the database pool after an outage', () => {
  it('waits at most a second before reconnecting, however many attempts the outage has failed', async () => {
    const { sql } = createDb('postgres://nobody@127.0.0.1:1/nothing');
    try {
      const { backoff } = sql.options;
      expect(typeof backoff).toBe('function');
      const delaysSeconds = Array.from({ length: 40 }, (_, retries) => (backoff as (retries: number) => number)(retries));
      expect(Math.max(...delaysSeconds)).toBeLessThanOrEqual(1);
    } finally {
      await sql.end();
    }
  });
});
