import type { Executor } from '../../../../db/client';
import { MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { connectorOfEvseConnector } from '../../../../domain/data/charger-traffic/evse-connectors';
import { createRPCError } from '../../ocpp/rpc';
import { refuseUnless } from '../v16/refuse';

const isNumbered = (id: number) => Number.isInteger(id) && id >= 1 && id <= MAX_CONNECTORS;

// Our connectors are numbered per charger (1.6's model); a 2.0.1 station has EVSEs, each with connectors of its own
// (a socket and a tethered cable, say). Every message that names an EVSE, with or without its connector, comes here:
// EVSE 0 is the station as a whole (connector 0), an EVSE named alone is its connector 1, and any (EVSE, connector)
// is the number domain/data/charger-traffic/evse-connectors.ts gave it. A number past what can be stored, or a
// charger with more than MAX_CONNECTORS connectors, is the charger's error (PropertyConstraintViolation).
export async function connectorOfEvse(db: Executor, { chargerId, evseId, connectorId }: { chargerId: string; evseId: number; connectorId?: number }) {
  if (evseId === 0) return 0;
  const evseConnectorId = connectorId ?? 1;
  refuseUnless(isNumbered(evseId), `evseId must be from 0 to ${MAX_CONNECTORS}`);
  refuseUnless(isNumbered(evseConnectorId), `connectorId must be from 1 to ${MAX_CONNECTORS}`);
  const number = await connectorOfEvseConnector(db, { chargerId, evseId, evseConnectorId });
  if (number === null) throw createRPCError('PropertyConstraintViolation', `A charger may have at most ${MAX_CONNECTORS} connectors`);
  return number;
}
