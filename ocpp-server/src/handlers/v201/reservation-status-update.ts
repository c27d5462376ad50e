import { endReservationByCharger } from '../../../../domain/data/charger-traffic/reservations';
import type { V201Handler } from './types';

// H01: the station ended a reservation itself, Expired at its expiry or Removed (taken back, its EVSE out of order
// for one); the members see it end as they would when the platform's own sweep or a cancellation ends it. A
// reservation this platform no longer holds open changes nothing.
export const reservationStatusUpdate: V201Handler<'ReservationStatusUpdate'> = async ({ charger, db, log }, request) => {
  const status = request.reservationUpdateStatus === 'Expired' ? 'expired' : 'cancelled';
  const isEnded = await db.transaction((tx) => endReservationByCharger(tx, { chargerId: charger.chargerId, reservationId: request.reservationId, status }));
  if (!isEnded) log.info({ reservationId: request.reservationId, status: request.reservationUpdateStatus }, 'ReservationStatusUpdate for no open reservation');
  return {};
};
