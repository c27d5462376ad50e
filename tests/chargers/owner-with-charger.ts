import type { Database } from '@/db/client';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';

// A verified owner of a fresh account with one charger, and the ids a charger form names.
export async function ownerWithCharger(db: Database) {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id });
  return { owner, account, charger, target: { accountId: account.id, chargerId: charger.id } };
}
