import type { Database } from '../../../../db/client';
import { evseConnectorOf, type EvseConnector } from '../../../../domain/data/charger-traffic/evse-connectors';

// A command's connector as the 2.0.1 charger names it: the (EVSE, connector) the platform's number stands for
// (handlers/v201/evse.ts); connector 0, or none, is the station as a whole, no EVSE.
export async function evseTarget(db: Database, { chargerId, connectorId }: { chargerId: string; connectorId: number | undefined }): Promise<EvseConnector | null> {
  if (!connectorId) return null;
  return evseConnectorOf(db, { chargerId, connectorId });
}

// An EVSE with its connector, for the messages that name both (ChangeAvailability, TriggerMessage StatusNotification).
export const evseWithConnector = (target: EvseConnector) => ({ id: target.evseId, connectorId: target.evseConnectorId });
