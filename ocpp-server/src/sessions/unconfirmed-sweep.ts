import type { Database } from '../../../db/client';
import { sweepUnconfirmedSessions } from '../../../domain/data/charger-traffic/unconfirmed-sessions';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type SweepOptions = { db: Database; log: Logger; heartbeatIntervalSec: number; graceSec: number; everyMs: number };

// A charger that is away cannot stop its sessions: past its heartbeat interval plus the grace, the sweep flags
// them as not confirmed, so no session stays open and unflagged longer than interval + grace + one sweep period
// after the server saw its charger go (a network cut without a close is seen within two ping intervals).
export function startUnconfirmedSessionSweep({ db, log, heartbeatIntervalSec, graceSec, everyMs }: SweepOptions) {
  async function sweep() {
    try {
      const { flagged, cleared } = await sweepUnconfirmedSessions(db, { awayForSec: heartbeatIntervalSec + graceSec });
      if (flagged > 0 || cleared > 0) log.info({ flagged, cleared }, 'sessions not confirmed by their chargers');
    } catch (error) {
      log.error({ err: error }, 'unconfirmed session sweep failed');
    }
  }
  return runPeriodically(sweep, everyMs);
}
