import type { Database } from '../../db/client';
import { remoteAnswer } from '../commands/remote-answer';
import { sendCommand } from '../commands/send';
import { getChargerToPlan, saveSessionPlan } from '../data/charging-plans';
import { failure, success, type Result } from '../data/result';
import { getOpenSessionForMember } from '../data/session-control';
import { makePlan, type PlanRefusal, type ReadyByRequest } from './make-plan';
import type { ChargingPlan } from './plan';
import { readyByProfile } from './plan-profile';

type ReadyByRefusal = PlanRefusal | 'notFound' | 'chargerOffline' | 'planRejected' | 'planNoAnswer';

const ANSWER_WAIT_MS = 8_000;

// Plans a running session's cheapest hours and sends them as its TxProfile (OCPP 1.6 §5.16); the plan is kept once
// the charger has taken it, so that the page shows what the charger does.
export async function setReadyBy(db: Database, { userId, transactionId, request, now = new Date() }: { userId: string; transactionId: number; request: ReadyByRequest; now?: Date }): Promise<Result<ChargingPlan, ReadyByRefusal>> {
  const session = await getOpenSessionForMember(db, { userId, transactionId });
  const charger = session && (await getChargerToPlan(db, { chargerId: session.chargerId }));
  if (!session || !charger) return failure('notFound');
  if (!charger.isOnline) return failure('chargerOffline');
  const planned = await makePlan(db, { userId, ...session, charger, request, now });
  if (!planned.ok) return planned;
  const plan = planned.value;
  const csChargingProfiles = readyByProfile({ plan, connectorId: session.connectorId, transactionId, limits: charger.limits, electrical: charger.electrical });
  const sent = await sendCommand(
    db,
    { accountId: session.accountId, chargerId: session.chargerId, action: 'SetChargingProfile', payload: { connectorId: session.connectorId, csChargingProfiles }, requestedBy: userId },
    { waitMs: ANSWER_WAIT_MS },
  );
  const answer = remoteAnswer(sent, { refused: 'planRejected', noAnswer: 'planNoAnswer' });
  if (!answer.ok) return answer;
  await saveSessionPlan(db, { accountId: session.accountId, chargerId: session.chargerId, connectorId: session.connectorId, transactionId, userId, plan });
  return success(plan);
}
