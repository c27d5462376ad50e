import 'server-only';
import type { Database } from '@/db/client';
import { connectorReadiness } from '@/domain/charging/connector-readiness';
import { usableIdTag } from '@/domain/charging/usable-id-tag';
import { enqueueCommand } from '@/domain/commands/enqueue';
import { sendCommand } from '@/domain/commands/send';
import { getChargerForUser } from '@/domain/data/chargers';
import { deleteWaitingPlan, getChargerToPlan, saveWaitingPlan } from '@/domain/data/charging-plans';
import { makePlan, type PlanRefusal, type ReadyByRequest } from '@/domain/ready-by/make-plan';
import { readyByProfile } from '@/domain/ready-by/plan-profile';
import type { ChargingPlan } from '@/domain/ready-by/plan';
import type { ChargingProfile } from '@/domain/smart-charging/profile';
import { failure, success, type Result } from '@/domain/data/result';
import { remoteAnswer } from '@/domain/commands/remote-answer';

export type StartRefusal = 'notFound' | 'noValidCard' | 'cardInUse' | 'chargerOffline' | 'connectorOccupied' | 'connectorFaulted' | 'connectorReserved' | 'startRejected' | 'startNoAnswer' | PlanRefusal;

type StartRequest = { userId: string; chargerId: string; connectorId: number; cardId: string; readyBy?: ReadyByRequest };

type PlannedStart = { plan: ChargingPlan; profile: ChargingProfile } | null;

// A start with "ready by": the plan rides on the RemoteStartTransaction as a TxProfile with no transaction id (OCPP
// 1.6 §5.11), so the car draws nothing before its first cheap hour.
async function planStart(db: Database, { userId, chargerId, connectorId, cardId, readyBy, accountId }: StartRequest & { accountId: string }): Promise<Result<PlannedStart, PlanRefusal | 'notFound'>> {
  if (!readyBy) return success(null);
  const charger = await getChargerToPlan(db, { chargerId });
  if (!charger) return failure('notFound');
  const planned = await makePlan(db, { userId, accountId, chargerId, sessionUserId: userId, cardId, charger, request: readyBy, now: new Date() });
  if (!planned.ok) return planned;
  return success({ plan: planned.value, profile: readyByProfile({ plan: planned.value, connectorId, transactionId: null, limits: charger.limits, electrical: charger.electrical }) });
}

// Checks what can be known before asking the charger, then sends RemoteStartTransaction through the
// command bus (OCPP 1.6 §5.11). A second click joins the start already on its way (isExclusive).
export async function startCharging(db: Database, request: StartRequest): Promise<Result<null, StartRefusal>> {
  const { userId, chargerId, connectorId, cardId } = request;
  const charger = await getChargerForUser(db, { userId, chargerId });
  if (!charger) return failure('notFound');
  const usable = await usableIdTag(db, { userId, accountId: charger.accountId, cardId });
  if (!usable.ok) return usable;
  const idTag = usable.value;
  if (!charger.isOnline) return failure('chargerOffline');
  const readiness = await connectorReadiness(db, { chargerId, connectorId, idTag });
  if (!readiness.ok) return readiness;
  const planned = await planStart(db, { ...request, accountId: charger.accountId });
  if (!planned.ok) return planned;
  const plan = planned.value;
  // Kept with the command, in its transaction: the charger's StartTransaction may come before its answer is read, and
  // binds the plan its remote start carried. A click that joins a start on its way keeps that start's plan.
  const enqueueWithPlan: typeof enqueueCommand<'RemoteStartTransaction'> = (executor, input) =>
    executor.transaction(async (tx) => {
      const queued = await enqueueCommand(tx, input);
      if (queued.ok && !queued.value.isJoined && plan) await saveWaitingPlan(tx, { accountId: charger.accountId, chargerId, connectorId, userId, plan: plan.plan, commandId: queued.value.id });
      return queued;
    });
  const sent = await sendCommand(
    db,
    {
      accountId: charger.accountId,
      chargerId,
      action: 'RemoteStartTransaction',
      payload: { connectorId, idTag, ...(plan && { chargingProfile: plan.profile }) },
      requestedBy: userId,
      isExclusive: true,
    },
    { enqueue: enqueueWithPlan },
  );
  const answer = remoteAnswer(sent, { refused: 'startRejected', noAnswer: 'startNoAnswer' });
  if (sent.ok && !answer.ok && answer.reason !== 'startNoAnswer') await deleteWaitingPlan(db, { commandId: sent.value.id });
  return answer;
}
