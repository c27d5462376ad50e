import { recordFirmwareStatus } from '../../../../domain/data/charger-traffic/chargers';
import { recordFirmwareReport201 } from '../../../../domain/data/charger-traffic/firmware';
import type { V201Handler } from './types';

// L01: the statuses of 2.0.1 (Downloading … Installed, InvalidSignature, InstallRebooting) are those of the 1.6
// security whitepaper's signed updates, which the owner's page already names. The history row first: the charger
// row's write notifies the pages, which then find the history complete.
export const firmwareStatusNotification: V201Handler<'FirmwareStatusNotification'> = async ({ charger, db }, request) => {
  await recordFirmwareReport201(db, charger, request);
  await recordFirmwareStatus(db, charger, request.status);
  return {};
};
