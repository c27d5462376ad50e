import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers } from '../../../db/schema';

// The OCPP server's side of sending a charger a new password (its AuthorizationKey): only hashes are stored, and
// each change names the hash it expects, so that a later rotation or a password set by hand is never undone.

export async function setNextPasswordHash(db: Database, chargerId: string, nextPasswordHash: string) {
  await db.update(chargers).set({ nextPasswordHash }).where(eq(chargers.id, chargerId));
}

export async function dropNextPasswordHash(db: Database, chargerId: string, nextPasswordHash: string) {
  await db
    .update(chargers)
    .set({ nextPasswordHash: null })
    .where(and(eq(chargers.id, chargerId), eq(chargers.nextPasswordHash, nextPasswordHash)));
}

// The charger logged in with the password it was sent: from now on only that one lets it in.
export async function promoteNextPassword(db: Database, chargerId: string, nextPasswordHash: string) {
  await db
    .update(chargers)
    .set({ passwordHash: nextPasswordHash, nextPasswordHash: null })
    .where(and(eq(chargers.id, chargerId), eq(chargers.nextPasswordHash, nextPasswordHash)));
}
