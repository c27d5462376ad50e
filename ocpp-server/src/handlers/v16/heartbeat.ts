import { recordHeartbeat } from '../../store/chargers';
import type { V16Handler } from './types';

export const heartbeat: V16Handler<'Heartbeat'> = async ({ charger, db }) => {
  await recordHeartbeat(db, charger);
  return { currentTime: new Date().toISOString() };
};
