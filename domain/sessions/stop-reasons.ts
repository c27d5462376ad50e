// The stop reason of a session a member closed by hand while its charger was away: not an OCPP 1.6 Reason, since
// the charger never said.
export const OWNER_CLOSE_REASON = 'ClosedByOwner';
