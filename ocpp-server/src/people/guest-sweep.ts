import type { Database } from '../../../db/client';
import { listEndedGuestAccess } from '../../../domain/data/memberships';
import { endMembership } from '../../../domain/people/end-membership';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type SweepOptions = { db: Database; log: Logger; everyMs: number };

// Ends the membership of each guest whose access has ended, as a removal does: their sessions get a remote stop,
// their cards are blocked and leave the chargers' local lists as Blocked. They were already refused from the end time
// on (domain/data/member-access.ts); this makes it last. With several OCPP processes, one of them removes each.
export function startGuestSweep({ db, log, everyMs }: SweepOptions) {
  async function sweep() {
    try {
      for (const guest of await listEndedGuestAccess(db)) {
        const ended = await endMembership(db, { ...guest, requestedBy: null });
        if (ended.ok) log.info({ ...guest, stoppedSessions: ended.value.stoppedSessions }, 'guest access ended');
      }
    } catch (error) {
      log.error({ err: error }, 'guest sweep failed');
    }
  }
  return runPeriodically(sweep, everyMs);
}
