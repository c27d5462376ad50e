import type { CancelReservationRequest, CancelReservationResponse, ReserveNowRequest, ReserveNowResponse } from '../../src/ocpp/v201';
import { SimulatorReservations } from '../reservations';

type ReservingCharger201 = {
  readonly evses: number;
  session(evseId: number): unknown;
  reportStatus(evseId: number, status: 'Available' | 'Reserved'): Promise<unknown>;
  reportReservationEnd(reservationId: number): Promise<unknown>;
};

// Reservations of a 2.0.1 station (H01–H04) on the 1.6 simulator's rules: a reserved EVSE shows Reserved, admits only
// its token, and is free again when used, cancelled, or expired (then the station says so in a
// ReservationStatusUpdate). A reservation of no EVSE in particular is refused: the platform always names one.
export class SimulatorReservations201 {
  readonly held: SimulatorReservations;

  constructor(charger: ReservingCharger201) {
    this.held = new SimulatorReservations(
      {
        get connectorCount() {
          return charger.evses;
        },
        session: (evseId) => charger.session(evseId),
        sendStatus: async (evseId, status) => void (await charger.reportStatus(evseId, status)),
      },
      true,
      (reservationId) => void charger.reportReservationEnd(reservationId).catch(() => {}),
    );
  }

  reserve({ id, expiryDateTime, idToken, evseId }: ReserveNowRequest): ReserveNowResponse['status'] {
    if (evseId === undefined) return 'Rejected';
    return this.held.reserve({ connectorId: evseId, expiryDate: expiryDateTime, idTag: idToken.idToken, reservationId: id });
  }

  cancel({ reservationId }: CancelReservationRequest): CancelReservationResponse['status'] {
    return this.held.cancel(reservationId);
  }
}
