import type { V16Handler } from './types';

export const bootNotification: V16Handler<'BootNotification'> = async ({ charger, store, heartbeatIntervalSec, onBooted }, request) => {
  await store.recordBoot({
    ...charger,
    vendor: request.chargePointVendor,
    model: request.chargePointModel,
    serialNumber: request.chargePointSerialNumber ?? request.chargeBoxSerialNumber ?? null,
    firmwareVersion: request.firmwareVersion ?? null,
  });
  onBooted(charger.chargerId);
  return { status: 'Accepted', currentTime: new Date().toISOString(), interval: heartbeatIntervalSec };
};
