import type { Database } from '../../../db/client';
import { deleteFirmwareFilesPastTheirLink } from '../../../domain/data/firmware';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

// Uploaded firmware is kept only while its download link works (24 h past the install time); once at start too,
// so that a process restarted more often than the interval still sweeps.
export function startFirmwareFileSweep({ db, log, everyMs }: { db: Database; log: Logger; everyMs: number }) {
  async function sweep() {
    try {
      const deleted = await deleteFirmwareFilesPastTheirLink(db, { now: new Date() });
      if (deleted > 0) log.info({ deleted }, 'firmware files past their download link deleted');
    } catch (error) {
      log.error({ err: error }, 'firmware file sweep failed');
    }
  }
  const periodic = runPeriodically(sweep, everyMs);
  void periodic.run();
  return periodic;
}
