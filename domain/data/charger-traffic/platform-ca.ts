import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { platformCertificateAuthority } from '../../../db/schema';

export type StoredAuthority = { certificate: string; sealedPrivateKey: string };

export async function getStoredAuthority(db: Database): Promise<StoredAuthority | null> {
  const [row] = await db
    .select({ certificate: platformCertificateAuthority.certificate, sealedPrivateKey: platformCertificateAuthority.sealedPrivateKey })
    .from(platformCertificateAuthority)
    .where(eq(platformCertificateAuthority.id, 'platform'));
  return row ?? null;
}

// Two OCPP processes making the authority at once: the first insert wins and both go on with its row.
export async function storeAuthorityOnce(db: Database, authority: StoredAuthority): Promise<StoredAuthority> {
  await db.insert(platformCertificateAuthority).values(authority).onConflictDoNothing();
  const stored = await getStoredAuthority(db);
  if (!stored) throw new Error('platform certificate authority vanished after insert');
  return stored;
}
