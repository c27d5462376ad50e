import { isConnectorId, MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { refuseUnless } from '../v16/refuse';

// Our connectors are numbered per charger (1.6's model); a 2.0.1 station has EVSEs, each with connectors of its own.
// An EVSE with one connector is the common case: EVSE n, connector 1 is our connector n, and EVSE 0 the charger as a
// whole (connector 0). A second connector on one EVSE has no place in our model yet and is refused.
export function connectorOfEvse(evseId: number, connectorId = 1) {
  refuseUnless(isConnectorId(evseId), `evseId must be from 0 to ${MAX_CONNECTORS}`);
  refuseUnless(evseId === 0 || connectorId === 1, 'Only connector 1 of an EVSE is supported');
  return evseId;
}
