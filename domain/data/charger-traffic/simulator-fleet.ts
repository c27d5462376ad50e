import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { accounts, cards, chargers } from '../../../db/schema';

const ACCOUNT_NAME = 'Charger simulator';

type SimulatorFleet = { identities: string[]; passwordHash: string | null; idTag: string };

// For demos on an empty database: one account holding the simulated chargers and an RFID card they can use.
// Chargers already registered under these identities are left as they are.
export async function registerSimulatorFleet(db: Database, { identities, passwordHash, idTag }: SimulatorFleet) {
  const [existing] = await db.select().from(accounts).where(eq(accounts.name, ACCOUNT_NAME)).limit(1);
  const account = existing ?? (await db.insert(accounts).values({ name: ACCOUNT_NAME }).returning())[0]!;
  const known = await db
    .select({ identity: chargers.identity })
    .from(chargers)
    .where(and(inArray(chargers.identity, identities), isNull(chargers.deletedAt)));
  const missing = identities.filter((identity) => !known.some((row) => row.identity === identity));
  if (missing.length > 0) {
    await db.insert(chargers).values(missing.map((identity) => ({ accountId: account.id, identity, name: identity, connectorCount: 2, passwordHash })));
  }
  await db.insert(cards).values({ accountId: account.id, idTag, kind: 'physical', label: 'Simulator card' }).onConflictDoNothing();
  return { accountId: account.id, created: missing.length };
}
