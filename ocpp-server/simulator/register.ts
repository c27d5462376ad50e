import { createDb } from '../../db/client';
import { registerSimulatorFleet } from '../../domain/data/charger-traffic/simulator-fleet';
import { hashSecret } from '../../domain/crypto/secret';

export const SIMULATOR_ID_TAG = 'SIMCARD';

export async function registerSimulatedChargers({ databaseUrl, identities, password }: { databaseUrl: string; identities: string[]; password?: string }) {
  const { db, sql } = createDb(databaseUrl, { max: 2 });
  try {
    return await registerSimulatorFleet(db, { identities, passwordHash: password ? hashSecret(password) : null, idTag: SIMULATOR_ID_TAG });
  } finally {
    await sql.end();
  }
}
