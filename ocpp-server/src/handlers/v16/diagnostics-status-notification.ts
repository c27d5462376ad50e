import { recordDiagnosticsStatus } from '../../../../domain/data/charger-traffic/chargers';
import type { V16Handler } from './types';

export const diagnosticsStatusNotification: V16Handler<'DiagnosticsStatusNotification'> = async ({ charger, db }, request) => {
  await recordDiagnosticsStatus(db, charger, request.status);
  return {};
};
