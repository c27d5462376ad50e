import type { Database } from '../../db/client';
import { remoteAnswer } from '../commands/remote-answer';
import { sendCommand } from '../commands/send';
import { dropSessionPlan } from '../data/charger-traffic/charging-plans';
import { failure, type Result } from '../data/result';
import { getOpenSessionForMember } from '../data/session-control';
import { readyByProfileId } from './plan-profile';

type ChargeNowRefusal = 'notFound' | 'chargerOffline' | 'chargeNowRejected' | 'chargeNowNoAnswer';

const ANSWER_WAIT_MS = 8_000;

// "Charge now": the plan's TxProfile cleared by its id (OCPP 1.6 §5.5), so the session charges at full power (within
// the owner's own limits), and the plan dropped. A charger that no longer holds the profile answers Unknown: nothing
// is holding the session back, which is what was asked.
export async function chargeNow(db: Database, { userId, transactionId }: { userId: string; transactionId: number }): Promise<Result<null, ChargeNowRefusal>> {
  const session = await getOpenSessionForMember(db, { userId, transactionId });
  if (!session) return failure('notFound');
  // Nothing is queued for a charger that is not there: the owner is told at once, and no stale clear arrives later.
  if (!session.isChargerOnline) return failure('chargerOffline');
  const sent = await sendCommand(
    db,
    { accountId: session.accountId, chargerId: session.chargerId, action: 'ClearChargingProfile', payload: { id: readyByProfileId(session.connectorId) }, requestedBy: userId },
    { waitMs: ANSWER_WAIT_MS },
  );
  const answer = remoteAnswer(sent, {
    refused: 'chargeNowRejected',
    noAnswer: 'chargeNowNoAnswer',
    isDoneAnyway: ({ status, response }) => status === 'rejected' && response?.status === 'Unknown',
  });
  if (answer.ok) await dropSessionPlan(db, { transactionId });
  return answer;
}
