import type { Database } from '../../../../db/client';
import type { CommandPayloads } from '../../../../domain/commands/actions';
import { isReservedForVirtualCard } from '../../../../domain/data/charger-traffic/reservations';
import type { V201Requests } from '../../ocpp/v201';

// 2.0.1 ReserveNow (H01): the reservation's id, its expiry, the token and the EVSE (our connector n is EVSE n). The
// token's type is how it will be presented: a virtual card by the platform (Central, as in RequestStartTransaction),
// any other at the reader.
export async function reserveNowRequest(db: Database, chargerId: string, payload: CommandPayloads['ReserveNow']): Promise<V201Requests['ReserveNow']> {
  const { connectorId, expiryDate, idTag, reservationId } = payload;
  const isVirtual = await isReservedForVirtualCard(db, { chargerId, reservationId });
  return { id: reservationId, expiryDateTime: expiryDate, idToken: { idToken: idTag, type: isVirtual ? 'Central' : 'ISO14443' }, evseId: connectorId };
}
