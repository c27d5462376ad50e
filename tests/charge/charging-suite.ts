import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chargers, memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import type { SimulatedChargerOptions } from '@/ocpp-server/simulator/simulated-charger';
import type { SimulatedCharger201Options } from '@/ocpp-server/simulator/v201/simulated-charger-201';
import type { OcppConfig } from '@/ocpp-server/src/config';
import type { OcppServer } from '@/ocpp-server/src/start';
import { startTestServer, testDb, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, startSimulator201, stopSimulators } from '@/ocpp-server/test/simulators';

type ChargerOptions = Partial<Omit<SimulatedChargerOptions, 'url' | 'identity'>>;
type Charger201Options = Partial<Omit<SimulatedCharger201Options, 'url' | 'identity'>>;

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

  async function people() {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const member = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
    const charger = await makeCharger(db, { accountId: account.id });
    return { owner, member, account, charger };
  }
  const online = (chargerId: string) => waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, chargerId), eq(chargers.isOnline, true))))[0]);

  async function setup(options: ChargerOptions = {}) {
    const context = await people();
    const simulator = await startSimulator(server, { identity: context.charger.identity, connectors: 2, ...options });
    await online(context.charger.id);
    return { ...context, simulator };
  }
  // The same with a charger speaking OCPP 2.0.1 (two EVSEs).
  async function setup201(options: Charger201Options = {}) {
    const context = await people();
    const simulator = await startSimulator201(server, { identity: context.charger.identity, evses: 2, ...options });
    await online(context.charger.id);
    return { ...context, simulator };
  }
  return { db, setup, setup201, server: () => server };
}
