import type { Database } from '../../../db/client';
import { expireReservations, settleReservations } from '../../../domain/data/charger-traffic/reservations';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type SweepOptions = { db: Database; log: Logger; everyMs: number };

// Ends reservations at their expiry (the charger frees the connector by its own clock, and sends no message about
// it, OCPP 1.6 §5.13), and settles those whose ReserveNow or CancelReservation the command bus finished by itself:
// expired while the charger was away, or interrupted by a restart of the process that sent it.
export function startReservationSweep({ db, log, everyMs }: SweepOptions) {
  async function sweep() {
    try {
      const expired = await db.transaction(async (tx) => {
        await settleReservations(tx);
        return expireReservations(tx);
      });
      if (expired > 0) log.info({ expired }, 'reservations expired');
    } catch (error) {
      log.error({ err: error }, 'reservation sweep failed');
    }
  }
  return runPeriodically(sweep, everyMs);
}
