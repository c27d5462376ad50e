import { recordDiagnosticsStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordLogStatusReport201 } from '../../../../domain/data/charger-traffic/diagnostics';
import type { V201Handler } from './types';

// N01: the upload of a GetLog, named by requestId. The report is written first: the charger's status write NOTIFYs
// the pages, which then read it.
export const logStatusNotification: V201Handler<'LogStatusNotification'> = async ({ charger, db }, request) => {
  await recordLogStatusReport201(db, charger, request);
  await recordDiagnosticsStatus(db, charger, request.status);
  return {};
};
