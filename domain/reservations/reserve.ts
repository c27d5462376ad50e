import type { Database } from '../../db/client';
import { connectorReadiness } from '../charging/connector-readiness';
import { usableIdTag } from '../charging/usable-id-tag';
import { sendCommand } from '../commands/send';
import { getChargerForUser } from '../data/chargers';
import { createReservation, listChargersWithoutReservations } from '../data/reservations';
import { failure, success, type Result } from '../data/result';
import { reserveAnswer, type ReserveAnswerRefusal } from './answers';

export type ReserveRefusal = 'notFound' | 'noValidCard' | 'cardInUse' | 'connectorFaulted' | 'connectorReserved' | ReserveAnswerRefusal;

export type ReserveRequest = { userId: string; chargerId: string; connectorId: number; cardId: string; minutes: number };

// Holds a connector of a charger of the user's account for one of their own cards until the expiry (ReserveNow,
// OCPP 1.6 §5.13). The reservation is written first, pending, so its id can go to the charger; the charger's
// answer settles it on the OCPP server's side, whether or not this call is still waiting.
export async function reserveConnector(db: Database, { userId, chargerId, connectorId, cardId, minutes }: ReserveRequest): Promise<Result<{ reservationId: number }, ReserveRefusal>> {
  const charger = await getChargerForUser(db, { userId, chargerId });
  if (!charger) return failure('notFound');
  const usable = await usableIdTag(db, { userId, accountId: charger.accountId, cardId });
  if (!usable.ok) return usable;
  if (!charger.isOnline) return failure('chargerOffline');
  if ((await listChargersWithoutReservations(db, { chargerIds: [chargerId] })).has(chargerId)) return failure('reservationsUnsupported');
  const readiness = await connectorReadiness(db, { chargerId, connectorId });
  if (!readiness.ok) return readiness;

  const expiresAt = new Date(Date.now() + minutes * 60_000);
  const idTag = usable.value;
  const created = await createReservation(db, { accountId: charger.accountId, chargerId, connectorId, cardId, idTag, userId, expiresAt });
  if (!created.ok) return created;
  const { reservationId } = created.value;
  const sent = await sendCommand(db, {
    accountId: charger.accountId,
    chargerId,
    action: 'ReserveNow',
    payload: { connectorId, expiryDate: expiresAt.toISOString(), idTag, reservationId },
    requestedBy: userId,
  });
  if (!sent.ok) return sent;
  const answer = reserveAnswer(sent.value);
  return answer.ok ? success({ reservationId }) : answer;
}
