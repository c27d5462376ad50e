import type { Database } from '../../../../db/client';
import type { CommandPayloads } from '../../../../domain/commands/actions';
import { evseConnectorOf, reportedConnectorType } from '../../../../domain/data/charger-traffic/evse-connectors';
import { isReservedForVirtualCard } from '../../../../domain/data/charger-traffic/reservations';
import type { ConnectorEnumType, V201Requests } from '../../ocpp/v201';

// ConnectorEnumType's values: a device model's ConnectorType is free text, and the request is checked against them.
const CONNECTOR_TYPES: readonly string[] = [
  'cCCS1', 'cCCS2', 'cG105', 'cTesla', 'cType1', 'cType2', 's309-1P-16A', 's309-1P-32A', 's309-3P-16A', 's309-3P-32A', 'sBS1361',
  'sCEE-7-7', 'sType2', 'sType3', 'Other1PhMax16A', 'Other1PhOver16A', 'Other3Ph', 'Pan', 'wInductive', 'wResonant',
] satisfies ConnectorEnumType[];
const isConnectorType = (value: string | null): value is ConnectorEnumType => value !== null && CONNECTOR_TYPES.includes(value);

// 2.0.1 ReserveNow (H01): the reservation's id, its expiry, the token and the EVSE of our connector (evse-target.ts).
// 2.0.1 reserves an EVSE, or one of its connectors only by its type (H01.FR.20): the type the charger's device model
// reports for our connector, when it shares its EVSE with another. The token's type is how it will be presented: a
// virtual card by the platform (Central, as in RequestStartTransaction), any other at the reader.
export async function reserveNowRequest(db: Database, chargerId: string, payload: CommandPayloads['ReserveNow']): Promise<V201Requests['ReserveNow']> {
  const { connectorId, expiryDate, idTag, reservationId } = payload;
  const isVirtual = await isReservedForVirtualCard(db, { chargerId, reservationId });
  const target = await evseConnectorOf(db, { chargerId, connectorId });
  const connectorType = await reportedConnectorType(db, { chargerId, ...target });
  return {
    id: reservationId,
    expiryDateTime: expiryDate,
    idToken: { idToken: idTag, type: isVirtual ? 'Central' : 'ISO14443' },
    evseId: target.evseId,
    ...(isConnectorType(connectorType) ? { connectorType } : {}),
  };
}
