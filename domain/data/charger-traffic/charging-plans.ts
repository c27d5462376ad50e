import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargingPlans } from '../../../db/schema';

// How long a plan sent with a remote start waits for its transaction: the charger starts within seconds or not at all.
const WAITING_PLAN_MINUTES = 5;

// StartTransaction on a connector a plan waits for: the plan becomes the session's (OCPP 1.6 §5.11, the charger
// binds the remote start's TxProfile to the transaction it starts).
export async function bindWaitingPlan(db: Executor, { chargerId, connectorId, transactionId }: { chargerId: string; connectorId: number; transactionId: number }) {
  const since = new Date(Date.now() - WAITING_PLAN_MINUTES * 60_000);
  const [waiting] = await db
    .select({ id: chargingPlans.id })
    .from(chargingPlans)
    .where(and(eq(chargingPlans.chargerId, chargerId), eq(chargingPlans.connectorId, connectorId), isNull(chargingPlans.transactionId), gt(chargingPlans.createdAt, since)))
    .orderBy(desc(chargingPlans.createdAt))
    .limit(1);
  if (waiting) await db.update(chargingPlans).set({ transactionId }).where(eq(chargingPlans.id, waiting.id));
}

// A session's plan goes with it: its TxProfile ended on the charger with the transaction (OCPP 1.6 §3.13.3).
export async function dropSessionPlan(db: Executor, { transactionId }: { transactionId: number }) {
  await db.delete(chargingPlans).where(eq(chargingPlans.transactionId, transactionId));
}
