import type { Database } from '../../db/client';
import { loadCircuitState, lockCircuit, storePlan } from '../data/circuit-planning';
import { planCircuit } from './plan';
import type { CircuitTrigger } from './reasons';
import { sendCircuitPlan } from './send-plan';

// Plans the circuit from what the database says now, keeps the plan, and sends what changed. Returns how many
// limits were sent (0 when nothing changed or the circuit is gone).
export async function rebalanceCircuit(db: Database, { circuitId, trigger, now = new Date() }: { circuitId: string; trigger: CircuitTrigger; now?: Date }) {
  const planned = await db.transaction(async (tx) => {
    await lockCircuit(tx, circuitId);
    const state = await loadCircuitState(tx, circuitId, now);
    if (!state) return null;
    const plan = planCircuit(state.circuit, state.chargers, state.sessions);
    await storePlan(tx, { circuitId, plan });
    return { chargers: state.chargers, plan };
  });
  if (!planned) return 0;
  return sendCircuitPlan(db, { circuitId, ...planned, trigger, now });
}
