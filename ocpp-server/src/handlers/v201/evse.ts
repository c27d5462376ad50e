import type { Executor } from '../../../../db/client';
import { MAX_CONNECTORS } from '../../../../domain/charging/limits';
import { connectorOfEvseConnector } from '../../../../domain/data/charger-traffic/evse-connectors';
import { createRPCError } from '../../ocpp/rpc';
import type { HandlerContext } from '../types';
import { refuseUnless } from '../v16/refuse';

const isNumbered = (id: number) => Number.isInteger(id) && id >= 1 && id <= MAX_CONNECTORS;

// Our connectors are numbered per charger (1.6's model); a 2.0.1 station has EVSEs, each with connectors of its own
// (a socket and a tethered cable, say). Every message that names an EVSE, with or without its connector, comes here:
// EVSE 0 is the station as a whole (connector 0), an EVSE named alone is its connector 1, and any (EVSE, connector)
// is the number domain/data/charger-traffic/evse-connectors.ts gave it. A number past what can be stored, or a
// charger with more than MAX_CONNECTORS connectors, is the charger's error (PropertyConstraintViolation). A number,
// once stored, is the socket's to remember (connection-memory.ts): only its first message asks PostgreSQL. `db` may
// be a handler's transaction; what it reads or inserts is then not remembered.
type EvseContext = Pick<HandlerContext, 'charger' | 'memory'> & { db: Executor };

export async function connectorOfEvse({ charger, db, memory }: EvseContext, { evseId, connectorId }: { evseId: number; connectorId?: number }) {
  if (evseId === 0) return 0;
  const evseConnectorId = connectorId ?? 1;
  refuseUnless(isNumbered(evseId), `evseId must be from 0 to ${MAX_CONNECTORS}`);
  refuseUnless(isNumbered(evseConnectorId), `connectorId must be from 1 to ${MAX_CONNECTORS}`);
  const known = memory.connectorOf(evseId, evseConnectorId);
  if (known !== undefined) return known;
  const number = await connectorOfEvseConnector(db, { chargerId: charger.chargerId, evseId, evseConnectorId });
  if (number === null) throw createRPCError('PropertyConstraintViolation', `A charger may have at most ${MAX_CONNECTORS} connectors`);
  memory.rememberConnector(db, { evseId, evseConnectorId, connectorId: number });
  return number;
}
