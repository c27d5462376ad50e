// The most connectors one charge point may have here. A StatusNotification's connectorId has no
// maximum in the OCPP 1.6 schema; past this it is not stored, so a charger cannot make pages build
// billions of connector rows.
export const MAX_CONNECTORS = 16;
