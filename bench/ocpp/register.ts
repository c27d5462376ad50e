import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { chargers } from '../../db/schema';
import { registerSimulatedChargers, SIMULATOR_ID_TAG } from '../../ocpp-server/simulator/register';

// A PostgreSQL statement takes at most 65,535 parameters; the simulator's registration inserts in one.
const CHUNK = 1000;

export async function registerBenchChargers(db: Database, databaseUrl: string, identities: string[]) {
  for (let start = 0; start < identities.length; start += CHUNK) {
    await registerSimulatedChargers({ databaseUrl, identities: identities.slice(start, start + CHUNK) });
  }
  const [first] = await db.select({ accountId: chargers.accountId }).from(chargers).where(inArray(chargers.identity, identities.slice(0, 1)));
  return { accountId: first!.accountId, idTag: SIMULATOR_ID_TAG };
}
