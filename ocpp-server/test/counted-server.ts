import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll } from 'vitest';
import { startQueryCounter, type QueryCounter } from '../../bench/web/query-counter';
import type { OcppConfig } from '../src/config';
import type { OcppServer } from '../src/start';
import { startTestServer } from './helpers';

const HOUR_MS = 3_600_000;

// A server whose statements go through a counting proxy (bench/web/query-counter.ts), for a test that asks what a
// message costs in round trips. Its sweeps and polls stay out of the counted statements; the test's own reads
// bypass the counter. The clients a test pushes onto `clients` are closed after it.
export function countedServer(overrides: Partial<OcppConfig> = {}) {
  const counted = { counter: undefined as unknown as QueryCounter, server: undefined as unknown as OcppServer, clients: [] as RPCClient[] };
  beforeAll(async () => {
    counted.counter = await startQueryCounter(process.env.DATABASE_URL!);
    counted.server = await startTestServer({
      databaseUrl: counted.counter.url,
      notificationPollMs: HOUR_MS,
      sessionSweepMs: HOUR_MS,
      reservationSweepMs: HOUR_MS,
      guestSweepMs: HOUR_MS,
      offlineSweepMs: HOUR_MS,
      circuitSweepMs: HOUR_MS,
      pingIntervalMs: HOUR_MS,
      ...overrides,
    });
  });
  afterAll(async () => {
    await Promise.all(counted.clients.map((client) => client.close({ force: true })));
    await counted.server.close();
    await counted.counter.close();
  });
  return counted;
}

// Until the server has sent nothing for a while: what a connection and the messages before set off is done.
export async function quiet(counter: QueryCounter) {
  for (;;) {
    const seen = counter.executed.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    if (counter.executed.length === seen) return;
  }
}
