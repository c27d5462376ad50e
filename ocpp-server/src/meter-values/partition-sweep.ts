import type { Database } from '../../../db/client';
import { dropMeterValuesBefore, ensureMeterValueMonths } from '../../../domain/data/meter-value-partitions';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

// Partitions exist three months before their readings arrive, so an OCPP server stopped for weeks still finds them
// when it starts again (and creates what is missing at once, at start).
const MONTHS_AHEAD = 3;

type PartitionSweepOptions = { db: Database; log: Logger; everyMs: number; retentionMonths: number | null; now?: () => Date };

// Months of meter values: created ahead of time, and with a retention set, the months past it dropped whole.
export function startMeterValuePartitionSweep({ db, log, everyMs, retentionMonths, now = () => new Date() }: PartitionSweepOptions) {
  async function sweep() {
    try {
      const { created, postponed } = await ensureMeterValueMonths(db, { now: now(), monthsAhead: MONTHS_AHEAD });
      if (created.length > 0) log.info({ months: created.map(monthName) }, 'meter value partitions created');
      if (postponed.length > 0) log.warn({ months: postponed.map(monthName) }, 'meter value partitions postponed: meter_values stayed locked');
      if (retentionMonths === null) return;
      const dropped = await dropMeterValuesBefore(db, { now: now(), keepMonths: retentionMonths });
      if (dropped.droppedMonths.length > 0 || dropped.outliers > 0) {
        log.info({ months: dropped.droppedMonths.map(monthName), outliers: dropped.outliers, retentionMonths }, 'meter values past their retention dropped');
      }
      if (dropped.postponedMonths > 0) log.warn({ months: dropped.postponedMonths }, 'meter value months past their retention postponed: meter_values stayed locked');
    } catch (error) {
      log.error({ err: error }, 'meter value partition sweep failed');
    }
  }
  const periodic = runPeriodically(sweep, everyMs);
  void periodic.run();
  return periodic;
}

function monthName(month: Date) {
  return month.toISOString().slice(0, 7);
}
