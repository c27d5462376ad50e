import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { reservationSupport, securityExtensionSupport } from '../../../db/schema';

export type FeatureSupport = { chargerId: string; isSupported: boolean; evidence: string };

// Whether a charger implements a feature (reservations, the 1.6 security extension), and what showed it: the upsert
// not yet run, so that it can be awaited alone or within a transaction. (Provisioning writes it within its own statement.)
export function upsertFeatureSupport(db: Executor, table: typeof reservationSupport | typeof securityExtensionSupport, { chargerId, isSupported, evidence }: FeatureSupport) {
  return db
    .insert(table as typeof reservationSupport)
    .values({ chargerId, isSupported, evidence })
    .onConflictDoUpdate({ target: table.chargerId, set: { isSupported, evidence, updatedAt: sql`now()` } });
}
