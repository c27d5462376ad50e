import { recordDiagnosticsStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordLogStatusReport } from '../../../../domain/data/charger-traffic/diagnostics';
import { recordSecurityExtensionSupport } from '../../../../domain/data/charger-traffic/security-extension';
import type { V16Handler } from './types';

// Security whitepaper §4.2. The report is written first: the charger's status write NOTIFYs the pages, which then read it.
export const logStatusNotification: V16Handler<'LogStatusNotification'> = async ({ charger, db }, request) => {
  await recordLogStatusReport(db, charger, request);
  await recordSecurityExtensionSupport(db, { chargerId: charger.chargerId, isSupported: true, evidence: 'LogStatusNotification' });
  await recordDiagnosticsStatus(db, charger, request.status);
  return {};
};
