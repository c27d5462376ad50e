import type { V201Handler } from './types';

// onBooted: the owner's power settings are sent again (provisioner.ts) and the Local Authorization List is brought
// up to date (local-lists/); the 1.6 configuration keys leave a 2.0.1 charger alone.
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
