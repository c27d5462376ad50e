import type { Database } from '../../../db/client';
import { queueOfflineNotices } from '../../../domain/data/charger-traffic/offline-notices';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type OfflineNoticeOptions = { db: Database; log: Logger; everyMs: number; afterMinutes: number };

// Looks for chargers offline longer than the notice delay; the dispatcher sends what this queues.
export function startOfflineNoticeSweep({ db, log, everyMs, afterMinutes }: OfflineNoticeOptions) {
  return runPeriodically(async () => {
    try {
      const noticed = await queueOfflineNotices(db, { afterMinutes });
      if (noticed > 0) log.info({ chargers: noticed }, 'offline chargers noticed');
    } catch (error) {
      log.error({ err: error }, 'offline notice sweep failed');
    }
  }, everyMs);
}
