import { recordFirmwareStatus } from '../../../../domain/data/charger-traffic/chargers';
import type { V16Handler } from './types';

export const firmwareStatusNotification: V16Handler<'FirmwareStatusNotification'> = async ({ charger, db }, request) => {
  await recordFirmwareStatus(db, charger, request.status);
  return {};
};
