import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerCertificates } from '../../../db/schema';
import type { CsrOutcome } from '../../certificates/charger-csr';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

export async function recordCsrOutcome(db: Database, ref: ChargerRef, outcome: CsrOutcome) {
  const values = outcome.isSigned
    ? { outcome: 'signed', serialNumber: outcome.signed.serialNumber, certificate: outcome.signed.certificatePem, notAfter: outcome.signed.notAfter }
    : { outcome: outcome.reason };
  await db.transaction(async (tx) => {
    await tx.insert(chargerCertificates).values({ ...ref, ...values });
    await notifyChargerEvent(tx, { ...ref, kind: 'certificate' });
  });
}

// The charger's certificate requests in the last `windowSec` seconds, and what became of the newest of them.
export async function recentCsrRequests(db: Database, chargerId: string, windowSec: number) {
  const inWindow = and(eq(chargerCertificates.chargerId, chargerId), gte(chargerCertificates.requestedAt, sql`now() - make_interval(secs => ${windowSec})`));
  const [[counted], [newest]] = await Promise.all([
    db.select({ requests: count() }).from(chargerCertificates).where(inWindow),
    db.select({ outcome: chargerCertificates.outcome }).from(chargerCertificates).where(inWindow).orderBy(desc(chargerCertificates.requestedAt)).limit(1),
  ]);
  return { requests: counted?.requests ?? 0, newestOutcome: newest?.outcome ?? null };
}
