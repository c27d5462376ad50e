import type { V201Handler } from './types';

// As in 1.6, the charger is provisioned once its boot is answered: its meter sampling through SetVariables and the
// owner's power settings (provisioner.ts); and its Local Authorization List is brought up to date (local-lists/).
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
