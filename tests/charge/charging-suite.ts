import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chargers, memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import type { SimulatedChargerOptions } from '@/ocpp-server/simulator/simulated-charger';
import type { OcppConfig } from '@/ocpp-server/src/config';
import type { OcppServer } from '@/ocpp-server/src/start';
import { startTestServer, testDb, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, stopSimulators } from '@/ocpp-server/test/simulators';

type ChargerOptions = Partial<Omit<SimulatedChargerOptions, 'url' | 'identity'>>;

// A test file's OCPP server, and accounts each with an owner, a member and a connected simulated charger.
export function chargingSuite(serverOptions: Partial<OcppConfig> = {}) {
  const { db, sql } = testDb();
  let server: OcppServer;
  beforeAll(async () => {
    server = await startTestServer(serverOptions);
  });
  afterEach(() => stopSimulators());
  afterAll(async () => {
    await server.close();
    await sql.end();
  });

  async function setup(options: ChargerOptions = {}) {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const member = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
    const charger = await makeCharger(db, { accountId: account.id });
    const simulator = await startSimulator(server, { identity: charger.identity, connectors: 2, ...options });
    await waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, charger.id), eq(chargers.isOnline, true))))[0]);
    return { owner, member, account, charger, simulator };
  }
  return { db, setup, server: () => server };
}
