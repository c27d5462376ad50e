import 'server-only';
import type { Database } from '@/db/client';
import { authorizeCard } from '@/domain/charging/authorize-card';
import { sendCommand } from '@/domain/commands/send';
import { getUserCard } from '@/domain/data/cards';
import { getChargerForUser } from '@/domain/data/chargers';
import { getConnectorStatus } from '@/domain/data/connectors';
import { getOpenTransaction } from '@/domain/data/my-sessions';
import { failure, success, type Result } from '@/domain/data/result';
import { remoteAnswer } from './remote-answer';

const OCCUPIED = new Set(['Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved']);
const OUT_OF_ORDER = new Set(['Faulted', 'Unavailable']);

export type StartRefusal = 'notFound' | 'noValidCard' | 'cardInUse' | 'chargerOffline' | 'connectorOccupied' | 'connectorFaulted' | 'startRejected' | 'startNoAnswer';

type StartRequest = { userId: string; chargerId: string; connectorId: number; cardId: string };

async function usableIdTag(db: Database, scope: { userId: string; accountId: string; cardId: string }): Promise<Result<string, 'noValidCard' | 'cardInUse'>> {
  const card = await getUserCard(db, scope);
  if (!card) return failure('noValidCard');
  const authorization = await authorizeCard(db, { accountId: scope.accountId, idTag: card.idTag, context: 'remoteStart' });
  if (authorization.status === 'ConcurrentTx') return failure('cardInUse');
  return authorization.status === 'Accepted' ? success(card.idTag) : failure('noValidCard');
}

// Checks what can be known before asking the charger, then sends RemoteStartTransaction through the
// command bus (OCPP 1.6 §5.11). A second click joins the start already on its way (isExclusive).
export async function startCharging(db: Database, { userId, chargerId, connectorId, cardId }: StartRequest): Promise<Result<null, StartRefusal>> {
  const charger = await getChargerForUser(db, { userId, chargerId });
  if (!charger) return failure('notFound');
  const usable = await usableIdTag(db, { userId, accountId: charger.accountId, cardId });
  if (!usable.ok) return usable;
  const idTag = usable.value;
  if (!charger.isOnline) return failure('chargerOffline');
  const status = await getConnectorStatus(db, { chargerId, connectorId });
  if (status && OUT_OF_ORDER.has(status)) return failure('connectorFaulted');
  if ((status && OCCUPIED.has(status)) || (await getOpenTransaction(db, { chargerId, connectorId }))) return failure('connectorOccupied');

  const sent = await sendCommand(db, {
    accountId: charger.accountId,
    chargerId,
    action: 'RemoteStartTransaction',
    payload: { connectorId, idTag },
    requestedBy: userId,
    isExclusive: true,
  });
  return remoteAnswer(sent, { refused: 'startRejected', noAnswer: 'startNoAnswer' });
}
