import { afterAll, expect, it } from 'vitest';
import { startTestServer, testDb, waitFor } from './helpers';

const { sql } = testDb();

afterAll(async () => {
  await sql.end();
});

// postgres.js does not tell how busy its pool is; an operator reads it from pg_stat_activity, where each OCPP server
// instance's connections carry its name.
it('names its database connections after its instance in pg_stat_activity', async () => {
  const server = await startTestServer({ instanceId: 'pool-watch-1' });
  try {
    const rows = await waitFor(async () => {
      const found = await sql<{ state: string | null }[]>`select state from pg_stat_activity where application_name = 'chargewatch-ocpp pool-watch-1'`;
      return found.length > 0 && found;
    });
    // Its pool (10 in tests) and the one connection postgres.js opens beside the pool for LISTEN (command results,
    // notifications), which CI once caught open alongside a full pool.
    expect(rows.length).toBeLessThanOrEqual(10 + 1);
  } finally {
    await server.close();
  }
});
