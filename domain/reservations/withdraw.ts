import type { Executor } from '../../db/client';
import { enqueueCommand } from '../commands/enqueue';
import { listOpenReservationsOfMember } from '../data/reservations';

// A member who leaves or is removed keeps no connector on hold: each open reservation of theirs in the account gets a
// CancelReservation, in the name of whoever ended the membership; the charger's answer ends it as any cancel does.
// Not waited for, so that removing someone never waits on a charger.
export async function withdrawReservationsOfMember(db: Executor, { accountId, userId, requestedBy }: { accountId: string; userId: string; requestedBy: string | null }) {
  for (const reservation of await listOpenReservationsOfMember(db, { accountId, userId })) {
    await enqueueCommand(db, {
      accountId,
      chargerId: reservation.chargerId,
      action: 'CancelReservation',
      payload: { reservationId: reservation.id },
      requestedBy,
      isExclusive: true,
    });
  }
}
