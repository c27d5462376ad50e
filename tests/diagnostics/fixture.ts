import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { diagnosticsRequests } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { hashToken } from '@/domain/crypto/token';

// An account with a charger and a diagnostics request whose upload token the test holds.
export async function diagnosticsFixture(db: Database, { expiresInMs = 60_000 } = {}) {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id });
  const token = randomBytes(32).toString('base64url');
  const [request] = await db
    .insert(diagnosticsRequests)
    .values({ accountId: account.id, chargerId: charger.id, requestedBy: owner.id, uploadTokenHash: hashToken(token), uploadExpiresAt: new Date(Date.now() + expiresInMs) })
    .returning();
  return { owner, account, charger, token, request: request! };
}
