import type { Database } from '../../../db/client';
import { trimGridReadings } from '../../../domain/data/grid-power';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

// Home meter readings are for balancing a circuit now and a week of looking back, not for billing.
const KEEP_DAYS = 7;

export function startGridReadingsTrim({ db, log, everyMs }: { db: Database; log: Logger; everyMs: number }) {
  async function trim() {
    try {
      const deleted = await trimGridReadings(db, { keepDays: KEEP_DAYS });
      if (deleted > 0) log.info({ deleted }, 'home meter readings older than a week deleted');
    } catch (error) {
      log.error({ err: error }, 'home meter readings trim failed');
    }
  }
  const periodic = runPeriodically(trim, everyMs);
  void periodic.run();
  return periodic;
}
