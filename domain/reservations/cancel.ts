import type { Database } from '../../db/client';
import { canManageAccount } from '../people/roles';
import { sendCommand } from '../commands/send';
import { getReservationForMember } from '../data/reservations';
import { failure, type Result } from '../data/result';
import { cancelAnswer, type CancelAnswerRefusal } from './answers';

export type CancelRefusal = 'notFound' | 'reservationEnded' | 'notYourReservation' | CancelAnswerRefusal;

// CancelReservation (OCPP 1.6 §5.2): a driver or guest cancels their own reservation, an owner or co-owner anyone's.
// The charger's Accepted ends it (settled with the answer on the OCPP server's side, naming who asked).
export async function cancelReservation(db: Database, { userId, reservationId }: { userId: string; reservationId: number }): Promise<Result<null, CancelRefusal>> {
  const reservation = await getReservationForMember(db, { userId, reservationId });
  if (!reservation) return failure('notFound');
  if (!reservation.isOpen) return failure('reservationEnded');
  if (reservation.userId !== userId && !canManageAccount(reservation.role)) return failure('notYourReservation');
  if (!reservation.isChargerOnline) return failure('chargerOffline');
  const sent = await sendCommand(db, {
    accountId: reservation.accountId,
    chargerId: reservation.chargerId,
    action: 'CancelReservation',
    payload: { reservationId },
    requestedBy: userId,
    isExclusive: true,
  });
  return sent.ok ? cancelAnswer(sent.value) : sent;
}
