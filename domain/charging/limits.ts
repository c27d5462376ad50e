// The most connectors one charge point may have here. A StatusNotification's connectorId has no
// maximum in the OCPP 1.6 schema; past this it is not stored, so a charger cannot make pages build
// billions of connector rows.
export const MAX_CONNECTORS = 16;

// Connector 0 is the charge point as a whole (OCPP 1.6 §4.9); a negative one is none.
export function isConnectorId(connectorId: number) {
  return Number.isInteger(connectorId) && connectorId >= 0 && connectorId <= MAX_CONNECTORS;
}

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

// Transaction ids are PostgreSQL integers (transactions.id, OCPP 1.6's integer transactionId): a charger naming one
// outside that range names a transaction this platform never issued, and so does an id naming a reservation.
export function isIssuableId(id: number) {
  return Number.isSafeInteger(id) && id >= INT4_MIN && id <= INT4_MAX;
}
