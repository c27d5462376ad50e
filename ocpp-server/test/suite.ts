import type { RPCClient } from 'ocpp-rpc';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { OcppConfig } from '../src/config';
import type { OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';
import { stopSimulators } from './simulators';

type Fixture = Awaited<ReturnType<typeof makeChargerFixture>>;
type ClientOptions = Parameters<typeof connectClient>[1];

// A test file's OCPP server, database handle and account with one charger, set up in its hooks; the clients a test
// opens through `connect` and its simulators are closed after it.
export function ocppSuite(overrides: Partial<OcppConfig> = {}) {
  const { db, sql } = testDb();
  let server: OcppServer | undefined;
  let fixture: Fixture | undefined;
  const clients: RPCClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(overrides);
    fixture = await makeChargerFixture(db);
  });
  // The server sees each socket close a moment after the charger side; closing the server inside that moment can
  // hang in ocpp-rpc (close with awaitPending waits for a 'close' already emitted), so each test waits it out.
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
    await stopSimulators();
    await waitFor(async () => server?.connections.size === 0);
  });
  afterAll(async () => {
    await server?.close();
    await sql.end();
  });

  return {
    db,
    sql,
    get server() {
      if (!server) throw new Error('the suite server starts in beforeAll');
      return server;
    },
    get fixture() {
      if (!fixture) throw new Error('the suite fixture is made in beforeAll');
      return fixture;
    },
    async connect(target: { port: number }, options: ClientOptions) {
      const client = await connectClient(target, options);
      clients.push(client);
      return client;
    },
    async closeClients() {
      await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
    },
  };
}
