import { createRPCError } from '../src/ocpp/rpc';
import type { CancelReservationResponse, ReserveNowRequest, ReserveNowResponse } from '../src/ocpp/v16';

type Held = { reservationId: number; idTag: string; timer: NodeJS.Timeout };

type ReservingCharger = {
  readonly connectorCount: number;
  session(connectorId: number): unknown;
  sendStatus(connectorId: number, status: 'Available' | 'Reserved'): Promise<void>;
};

// The Reservation profile as a charge point runs it (OCPP 1.6 §5.13, §5.2, §3.6): a reserved connector shows
// Reserved, admits only its idTag (case-insensitive, as 1.6 compares idTags), and is Available again when the
// reservation is used, cancelled or reaches its expiryDate. No reservation of the charger as a whole (connector 0):
// this charger's ReserveConnectorZeroSupported is false.
export class SimulatorReservations {
  private readonly held = new Map<number, Held>();

  // onExpired: a 2.0.1 station tells the central system a reservation ran out (ReservationStatusUpdate, H01); a 1.6
  // one sends nothing.
  constructor(
    private readonly charger: ReservingCharger,
    private readonly isSupported: boolean,
    private readonly onExpired?: (reservationId: number) => void,
  ) {}

  private release(connectorId: number) {
    const held = this.held.get(connectorId);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(connectorId);
  }

  private connectorOf(reservationId: number) {
    for (const [connectorId, held] of this.held) if (held.reservationId === reservationId) return connectorId;
    return null;
  }

  private refuseUnlessSupported() {
    if (!this.isSupported) throw createRPCError('NotImplemented', 'This charge point does not implement the Reservation profile');
  }

  reserve({ connectorId, idTag, reservationId, expiryDate }: ReserveNowRequest): ReserveNowResponse['status'] {
    this.refuseUnlessSupported();
    if (connectorId < 1 || connectorId > this.charger.connectorCount) return 'Rejected';
    const current = this.held.get(connectorId);
    // §5.13: a ReserveNow with the id of a reservation it holds replaces that reservation.
    if (this.charger.session(connectorId) || (current && current.reservationId !== reservationId)) return 'Occupied';
    const previous = this.connectorOf(reservationId);
    if (previous !== null) this.release(previous);
    const timer = setTimeout(() => {
      this.end(connectorId);
      this.onExpired?.(reservationId);
    }, Math.max(0, Date.parse(expiryDate) - Date.now()));
    timer.unref();
    this.held.set(connectorId, { reservationId, idTag: idTag.toUpperCase(), timer });
    setImmediate(() => void this.charger.sendStatus(connectorId, 'Reserved').catch(() => {}));
    return 'Accepted';
  }

  cancel(reservationId: number): CancelReservationResponse['status'] {
    this.refuseUnlessSupported();
    const connectorId = this.connectorOf(reservationId);
    if (connectorId === null) return 'Rejected';
    this.end(connectorId);
    return 'Accepted';
  }

  private end(connectorId: number) {
    this.release(connectorId);
    if (!this.charger.session(connectorId)) void this.charger.sendStatus(connectorId, 'Available').catch(() => {});
  }

  isReserved(connectorId: number) {
    return this.held.has(connectorId);
  }

  // Whether this idTag may start at the connector: any, unless it is reserved for another.
  admits(connectorId: number, idTag: string) {
    const held = this.held.get(connectorId);
    return !held || held.idTag === idTag.toUpperCase();
  }

  // The reservation the session starting with this idTag uses, for its StartTransaction; it ends there.
  use(connectorId: number, idTag: string): number | undefined {
    const held = this.held.get(connectorId);
    if (!held || held.idTag !== idTag.toUpperCase()) return undefined;
    this.release(connectorId);
    return held.reservationId;
  }
}
