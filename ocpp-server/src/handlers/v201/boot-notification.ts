import type { V201Handler } from './types';

// Unlike 1.6's, no onBooted: the provisioning and list sync it starts speak 1.6 (start.ts).
export const bootNotification: V201Handler<'BootNotification'> = async ({ charger, store, heartbeatIntervalSec }, request) => {
  const station = request.chargingStation;
  await store.recordBoot({
    ...charger,
    vendor: station.vendorName,
    model: station.model,
    serialNumber: station.serialNumber ?? null,
    firmwareVersion: station.firmwareVersion ?? null,
  });
  return { status: 'Accepted', currentTime: new Date().toISOString(), interval: heartbeatIntervalSec };
};
