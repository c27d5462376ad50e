// OCPP 2.0.1 RequestStartTransaction carries an integer remoteStartId that the charger echoes in its TransactionEvent.
// It is made from the command's own uuid (its first 28 random bits), so no column holds it and either OCPP server
// process can match it back (domain/data/charger-traffic/remote-start.ts) within the remote-start window.
export function remoteStartIdOf(commandId: string) {
  return Number.parseInt(commandId.replaceAll('-', '').slice(0, 7), 16);
}
