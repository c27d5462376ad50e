import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerCertificates, chargers } from '../../db/schema';
import { CSR_REFUSALS, type CsrRefusal } from '../certificates/charger-refusals';

type ChargerScope = { accountId: string; chargerId: string };

export type ChargerCertificateState = {
  securityProfile: number;
  // The newest certificate the platform signed for the charger.
  certificate: { serialNumber: string; notAfter: Date; signedAt: Date } | null;
  // The newest request, when it was refused after that certificate (or with none signed).
  refusal: { reason: CsrRefusal; at: Date } | null;
};

const RECENT = 20;

// The charger page's security card: its profile and what became of its certificate requests.
export async function getChargerCertificateState(db: Executor, scope: ChargerScope): Promise<ChargerCertificateState | null> {
  const [charger] = await db
    .select({ securityProfile: chargers.securityProfile })
    .from(chargers)
    .where(and(eq(chargers.id, scope.chargerId), eq(chargers.accountId, scope.accountId)));
  if (!charger) return null;
  const requests = await db
    .select({ outcome: chargerCertificates.outcome, serialNumber: chargerCertificates.serialNumber, notAfter: chargerCertificates.notAfter, requestedAt: chargerCertificates.requestedAt })
    .from(chargerCertificates)
    .where(and(eq(chargerCertificates.chargerId, scope.chargerId), eq(chargerCertificates.accountId, scope.accountId)))
    .orderBy(desc(chargerCertificates.requestedAt))
    .limit(RECENT);
  const signed = requests.find((row) => row.outcome === 'signed' && row.serialNumber && row.notAfter);
  const newest = requests[0];
  const isRefusal = newest && (CSR_REFUSALS as readonly string[]).includes(newest.outcome);
  return {
    securityProfile: charger.securityProfile,
    certificate: signed ? { serialNumber: signed.serialNumber!, notAfter: signed.notAfter!, signedAt: signed.requestedAt } : null,
    refusal: isRefusal ? { reason: newest.outcome as CsrRefusal, at: newest.requestedAt } : null,
  };
}
