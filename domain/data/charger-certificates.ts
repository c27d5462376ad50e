import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerCertificates, chargers } from '../../db/schema';
import { CSR_REFUSALS, type CsrRefusal } from '../certificates/charger-refusals';

type ChargerScope = { accountId: string; chargerId: string };

export type ChargerCertificateState = {
  securityProfile: number;
  // A higher profile sent to the charger that it has not connected under yet.
  nextSecurityProfile: number | null;
  isOnline: boolean;
  // The subprotocol of its newest connection (ocpp1.6, ocpp2.0.1), null before the first.
  ocppVersion: string | null;
  // The newest certificate the platform signed for the charger.
  certificate: { serialNumber: string; notAfter: Date; signedAt: Date } | null;
  // The newest request, when it was refused after that certificate (or with none signed).
  refusal: { reason: CsrRefusal; at: Date } | null;
};

// The charger page's security card: its profile and what became of its certificate requests. The newest request and
// the newest signed one, each read alone: any number of refused requests may have come after a signed certificate.
export async function getChargerCertificateState(db: Executor, scope: ChargerScope): Promise<ChargerCertificateState | null> {
  const [charger] = await db
    .select({ securityProfile: chargers.securityProfile, nextSecurityProfile: chargers.nextSecurityProfile, isOnline: chargers.isOnline, ocppVersion: chargers.ocppVersion })
    .from(chargers)
    .where(and(eq(chargers.id, scope.chargerId), eq(chargers.accountId, scope.accountId)));
  if (!charger) return null;
  const newestRequest = (where?: SQL) =>
    db
      .select({ outcome: chargerCertificates.outcome, serialNumber: chargerCertificates.serialNumber, notAfter: chargerCertificates.notAfter, requestedAt: chargerCertificates.requestedAt })
      .from(chargerCertificates)
      .where(and(eq(chargerCertificates.chargerId, scope.chargerId), eq(chargerCertificates.accountId, scope.accountId), where))
      .orderBy(desc(chargerCertificates.requestedAt))
      .limit(1);
  const [[newest], [signed]] = await Promise.all([newestRequest(), newestRequest(eq(chargerCertificates.outcome, 'signed'))]);
  const isRefusal = newest && (CSR_REFUSALS as readonly string[]).includes(newest.outcome);
  return {
    ...charger,
    certificate: signed?.serialNumber && signed.notAfter ? { serialNumber: signed.serialNumber, notAfter: signed.notAfter, signedAt: signed.requestedAt } : null,
    refusal: isRefusal ? { reason: newest.outcome as CsrRefusal, at: newest.requestedAt } : null,
  };
}
