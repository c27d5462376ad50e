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
