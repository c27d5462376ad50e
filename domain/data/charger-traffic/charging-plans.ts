import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargingPlans } from '../../../db/schema';

// StartTransaction for a remote start that carried a plan: the plan becomes the session's (OCPP 1.6 §5.11, the
// charger binds the remote start's TxProfile to the transaction it starts).
export async function bindWaitingPlan(db: Executor, { commandId, transactionId }: { commandId: string; transactionId: number }) {
  await db.update(chargingPlans).set({ transactionId }).where(and(eq(chargingPlans.commandId, commandId), isNull(chargingPlans.transactionId)));
}

// A session's plan goes with it: its TxProfile ended on the charger with the transaction (OCPP 1.6 §3.13.3).
export async function dropSessionPlan(db: Executor, { transactionId }: { transactionId: number }) {
  await db.delete(chargingPlans).where(eq(chargingPlans.transactionId, transactionId));
}
