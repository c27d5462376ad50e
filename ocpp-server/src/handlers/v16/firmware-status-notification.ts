import { recordFirmwareStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordFirmwareReport } from '../../../../domain/data/charger-traffic/firmware';
import type { V16Handler } from './types';

// The history row first: the charger row's write notifies the pages, which then find the history complete.
export const firmwareStatusNotification: V16Handler<'FirmwareStatusNotification'> = async ({ charger, db }, request) => {
  await recordFirmwareReport(db, charger, request.status);
  await recordFirmwareStatus(db, charger, request.status);
  return {};
};
