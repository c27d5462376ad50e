import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers } from '../../../db/schema';

// The OCPP server's side of raising a charger's security profile (1.6 security whitepaper: its SecurityProfile key;
// 2.0.1 A05: a new network profile): each change names the profile it expects, so that a later raise or a profile
// set by the owner is never undone.

export async function setNextSecurityProfile(db: Database, chargerId: string, nextSecurityProfile: number) {
  await db.update(chargers).set({ nextSecurityProfile }).where(eq(chargers.id, chargerId));
}

export async function dropNextSecurityProfile(db: Database, chargerId: string, nextSecurityProfile: number) {
  await db
    .update(chargers)
    .set({ nextSecurityProfile: null })
    .where(and(eq(chargers.id, chargerId), eq(chargers.nextSecurityProfile, nextSecurityProfile)));
}

// The charger connected meeting the profile it was sent: from now on only that one lets it in.
export async function promoteNextSecurityProfile(db: Database, chargerId: string, nextSecurityProfile: number) {
  await db
    .update(chargers)
    .set({ securityProfile: nextSecurityProfile, nextSecurityProfile: null })
    .where(and(eq(chargers.id, chargerId), eq(chargers.nextSecurityProfile, nextSecurityProfile)));
}
