import type { Database } from '../../../db/client';
import { trimChargingEvents } from '../../../domain/data/charger-traffic/charging-events';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

// Keeps charging_events bounded per charger; the writes that add to it answer chargers and so never trim.
export function startChargingEventsTrim({ db, log, everyMs }: { db: Database; log: Logger; everyMs: number }) {
  let afterId = 0;
  async function trim() {
    try {
      afterId = await trimChargingEvents(db, { afterId });
    } catch (error) {
      log.error({ err: error }, 'charging events trim failed');
    }
  }
  return runPeriodically(trim, everyMs);
}
