import { and, eq, inArray, isNull } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { accounts, cards, chargers } from '../../db/schema';
import { hashSecret } from '../../domain/crypto/secret';

const ACCOUNT_NAME = 'Charger simulator';
export const SIMULATOR_ID_TAG = 'SIMCARD';

// For demos on an empty database: one account holding the simulated chargers and an RFID card they can use.
export async function registerSimulatedChargers({ databaseUrl, identities, password }: { databaseUrl: string; identities: string[]; password?: string }) {
  const { db, sql } = createDb(databaseUrl, { max: 2 });
  try {
    const [existing] = await db.select().from(accounts).where(eq(accounts.name, ACCOUNT_NAME)).limit(1);
    const account = existing ?? (await db.insert(accounts).values({ name: ACCOUNT_NAME }).returning())[0]!;
    const known = await db
      .select({ identity: chargers.identity })
      .from(chargers)
      .where(and(inArray(chargers.identity, identities), isNull(chargers.deletedAt)));
    const missing = identities.filter((identity) => !known.some((row) => row.identity === identity));
    const passwordHash = password ? hashSecret(password) : null;
    if (missing.length > 0) {
      await db.insert(chargers).values(missing.map((identity) => ({ accountId: account.id, identity, name: identity, connectorCount: 2, passwordHash })));
    }
    await db.insert(cards).values({ accountId: account.id, idTag: SIMULATOR_ID_TAG, kind: 'physical', label: 'Simulator card' }).onConflictDoNothing();
    return { accountId: account.id, created: missing.length };
  } finally {
    await sql.end();
  }
}
