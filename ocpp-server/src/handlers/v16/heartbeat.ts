import type { V16Handler } from './types';

export const heartbeat: V16Handler<'Heartbeat'> = async ({ charger, store }) => {
  await store.recordHeartbeat(charger);
  return { currentTime: new Date().toISOString() };
};
