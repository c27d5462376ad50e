import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { chargers, evseConnectors } from '../../db/schema';

// How many of a charger's connectors can draw at once: one per EVSE, since the connectors of a 2.0.1 EVSE (a socket
// and a tethered cable) share its one transaction and its limit, so every connector but an EVSE's first counts
// for nothing. At least one, as a charger is counted before it reports its connectors.
export function drawingConnectors(chargerId: AnyColumn = chargers.id): SQL<number> {
  return sql<number>`greatest(${chargers.connectorCount} - (select count(*) from ${evseConnectors}
    where ${evseConnectors.chargerId} = ${chargerId} and ${evseConnectors.evseConnectorId} > 1), 1)::int`;
}
