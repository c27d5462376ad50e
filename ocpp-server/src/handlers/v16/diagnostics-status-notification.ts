import { recordDiagnosticsStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordDiagnosticsStatusReport } from '../../../../domain/data/charger-traffic/diagnostics';
import type { V16Handler } from './types';

// The report is written first: the charger's status write NOTIFYs the pages, which then read it.
export const diagnosticsStatusNotification: V16Handler<'DiagnosticsStatusNotification'> = async ({ charger, db }, request) => {
  await recordDiagnosticsStatusReport(db, charger, request.status);
  await recordDiagnosticsStatus(db, charger, request.status);
  return {};
};
