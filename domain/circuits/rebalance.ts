import type { Database } from '../../db/client';
import { loadCircuitState, lockCircuit, storePlan } from '../data/circuit-planning';
import type { FeedBudget } from './feed-budget';
import { planWithFeed } from './feed-plan';
import type { CircuitPlan } from './plan';
import type { CircuitReason, CircuitTrigger } from './reasons';
import { sendCircuitPlan } from './send-plan';

type PlannedState = NonNullable<Awaited<ReturnType<typeof loadCircuitState>>>;

// The meter feed's part in a change: gone silent or back, or a reading that moved the budget.
function feedReason({ circuit }: PlannedState, feed: FeedBudget, trigger: CircuitTrigger): CircuitReason | null {
  if (feed.kind === 'fuse') return null;
  const isLive = feed.kind === 'live';
  if (circuit.plannedFeedLive !== null && circuit.plannedFeedLive !== isLive) return isLive ? 'meterFeedResumed' : 'meterFeedSilent';
  if (feed.kind !== 'live' || (feed.budgetA === circuit.plannedBudgetA && trigger.reason !== 'gridLoadChanged')) return null;
  if (feed.isImportAboveLimit) return 'gridImportAboveLimit';
  return circuit.solarMode === 'off' ? 'gridLoadChanged' : 'solarSurplusChanged';
}

// What the plan itself shows changed, before what woke the planner: events arrive one by one, yet a plan reads
// everything committed by then (a charger's Available may wake it after its session has already stopped, another
// charger's status before the NOTIFY of a web change). The marks of the last plan tell what is new.
function changeReason(trigger: CircuitTrigger, { state, plan, feed, stoppedOn }: { state: PlannedState; plan: CircuitPlan; feed: FeedBudget; stoppedOn: string[] }): CircuitTrigger {
  const { circuit, chargers } = state;
  if (circuit.plannedCapacityA !== null && circuit.plannedCapacityA !== circuit.capacityA) return { reason: 'capacityChanged', chargerId: null };
  const joined = chargers.find((charger) => charger.plannedOnline === null);
  if (joined && circuit.plannedCapacityA !== null) return { reason: 'chargersChanged', chargerId: joined.chargerId };
  const fromFeed = feedReason(state, feed, trigger);
  if (fromFeed === 'meterFeedSilent' || fromFeed === 'meterFeedResumed') return { reason: fromFeed, chargerId: null };
  if (stoppedOn.length > 0) return { reason: 'sessionStopped', chargerId: stoppedOn[0]! };
  const lostOrBack = chargers.find((charger) => charger.plannedOnline !== null && charger.plannedOnline !== charger.isOnline);
  if (lostOrBack) return { reason: lostOrBack.isOnline ? 'chargerOnline' : 'chargerOffline', chargerId: lostOrBack.chargerId };
  const started = plan.allocations.find((allocation) => allocation.previousA === null && !(trigger.reason === 'chargerOnline' && allocation.chargerId === trigger.chargerId));
  if (started) return { reason: 'sessionStarted', chargerId: started.chargerId };
  if (fromFeed) return { reason: fromFeed, chargerId: null };
  return trigger;
}

// Plans the circuit from what the database says now, keeps the plan, and sends what changed. Returns how many
// limits were sent (0 when nothing changed or the circuit is gone).
export async function rebalanceCircuit(db: Database, { circuitId, trigger, now = new Date() }: { circuitId: string; trigger: CircuitTrigger; now?: Date }) {
  const planned = await db.transaction(async (tx) => {
    await lockCircuit(tx, circuitId);
    const state = await loadCircuitState(tx, circuitId, now);
    if (!state) return null;
    const solar = { isCharging: state.circuit.isSolarCharging, crossedAt: state.circuit.solarCrossedAt };
    const { plannedReadingAt, plannedOtherLoadW } = state.circuit;
    const known = plannedReadingAt && plannedOtherLoadW !== null ? { readingAt: plannedReadingAt, otherLoadW: plannedOtherLoadW } : null;
    const { plan, feed } = planWithFeed(state.circuit, state.chargers, state.sessions, { reading: state.reading, known, now, solar });
    const online = new Map(state.chargers.map((charger) => [charger.chargerId, charger.isOnline]));
    const running = state.sessions.map((session) => session.transactionId);
    const stoppedOn = await storePlan(tx, { circuitId, plan, feed, running, capacityA: state.circuit.capacityA, online });
    return { chargers: state.chargers, plan, reason: changeReason(trigger, { state, plan, feed, stoppedOn }) };
  });
  if (!planned) return 0;
  return sendCircuitPlan(db, { circuitId, chargers: planned.chargers, plan: planned.plan, trigger: planned.reason, now });
}
