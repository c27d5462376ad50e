import 'server-only';
import type { Database } from '@/db/client';
import { connectorReadiness } from '@/domain/charging/connector-readiness';
import { usableIdTag } from '@/domain/charging/usable-id-tag';
import { sendCommand } from '@/domain/commands/send';
import { getChargerForUser } from '@/domain/data/chargers';
import { failure, type Result } from '@/domain/data/result';
import { remoteAnswer } from './remote-answer';

export type StartRefusal = 'notFound' | 'noValidCard' | 'cardInUse' | 'chargerOffline' | 'connectorOccupied' | 'connectorFaulted' | 'connectorReserved' | 'startRejected' | 'startNoAnswer';

type StartRequest = { userId: string; chargerId: string; connectorId: number; cardId: string };

// Checks what can be known before asking the charger, then sends RemoteStartTransaction through the
// command bus (OCPP 1.6 §5.11). A second click joins the start already on its way (isExclusive).
export async function startCharging(db: Database, { userId, chargerId, connectorId, cardId }: StartRequest): Promise<Result<null, StartRefusal>> {
  const charger = await getChargerForUser(db, { userId, chargerId });
  if (!charger) return failure('notFound');
  const usable = await usableIdTag(db, { userId, accountId: charger.accountId, cardId });
  if (!usable.ok) return usable;
  const idTag = usable.value;
  if (!charger.isOnline) return failure('chargerOffline');
  const readiness = await connectorReadiness(db, { chargerId, connectorId, idTag });
  if (!readiness.ok) return readiness;

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
