import type { V201Handler } from './types';

// As in 1.6, the charger is provisioned once its boot is answered; the provisioner and the list syncer speak to it in 2.0.1 or not at all.
export const bootNotification: V201Handler<'BootNotification'> = async ({ charger, store, heartbeatIntervalSec, onBooted }, request) => {
  const station = request.chargingStation;
  await store.recordBoot({
    ...charger,
    vendor: station.vendorName,
    model: station.model,
    serialNumber: station.serialNumber ?? null,
    firmwareVersion: station.firmwareVersion ?? null,
  });
  onBooted(charger.chargerId);
  return { status: 'Accepted', currentTime: new Date().toISOString(), interval: heartbeatIntervalSec };
};
