import { recordFirmwareStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordSignedFirmwareReport } from '../../../../domain/data/charger-traffic/firmware';
import { recordSecurityExtensionSupport } from '../../../../domain/data/charger-traffic/security-extension';
import type { V16Handler } from './types';

// Security whitepaper §4.4. The history row first: the charger row's write notifies the pages, which then find the
// history complete.
export const signedFirmwareStatusNotification: V16Handler<'SignedFirmwareStatusNotification'> = async ({ charger, db }, request) => {
  await recordSignedFirmwareReport(db, charger, request);
  await recordSecurityExtensionSupport(db, { chargerId: charger.chargerId, isSupported: true, evidence: 'SignedFirmwareStatusNotification' });
  await recordFirmwareStatus(db, charger, request.status);
  return {};
};
