// A 2.0.1 station's connectors: one on each EVSE, and a second one (a tethered cable beside the socket) on the EVSE
// it is built with. Of an EVSE's connectors one at a time is used, the one the car is plugged into (connector 1 until
// told otherwise): its statuses and its transactions name that one.
export class SimulatedEvseConnectors {
  private readonly plugged = new Map<number, number>();

  constructor(private readonly twoConnectorEvse: number | undefined) {}

  of(evseId: number) {
    return evseId === this.twoConnectorEvse ? [1, 2] : [1];
  }

  has(evseId: number, connectorId: number) {
    return this.of(evseId).includes(connectorId);
  }

  plug(evseId: number, connectorId: number) {
    if (!this.has(evseId, connectorId)) throw new Error(`EVSE ${evseId} has no connector ${connectorId}`);
    this.plugged.set(evseId, connectorId);
  }

  pluggedInto(evseId: number) {
    return this.plugged.get(evseId) ?? 1;
  }
}
