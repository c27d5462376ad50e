import { DEFAULT_VOLTAGE } from '../smart-charging/profile';
import { feedBudget, type FeedBudget, type FeedCircuit, type GridReadingNow, type KnownOtherLoad } from './feed-budget';
import { circuitShareA, phasesOf, planCircuit, type CircuitPlan, type PlanCharger, type PlanSession } from './plan';
import type { SolarState } from './solar-hysteresis';

// The power measured on the session (Power.Active.Import), if any.
export type DrawingSession = PlanSession & { measuredPowerW: number | null };

// What a session draws now: its last measured power, but no more than the limit in force (a car still coming down
// from an earlier, higher limit is about to; the charger's own maximum caps it too); without a measurement, that limit. Counting too much of our own draw
// would make the house's other load look smaller than it is, so the smaller of the two is taken.
export function sessionDrawW(session: DrawingSession, charger: PlanCharger, shareA: number) {
  const limitA = charger.isControllable ? Math.min(charger.maxA, session.currentA ?? charger.defaultShareA ?? shareA) : charger.maxA;
  const limitW = limitA * charger.phases * (charger.voltage ?? DEFAULT_VOLTAGE);
  return session.measuredPowerW === null ? limitW : Math.max(0, Math.min(session.measuredPowerW, limitW));
}

// The most sessions that would charge on any one phase (for "minimum plus surplus": each keeps its minimum).
function busiestPhaseSessions(chargers: PlanCharger[], sessions: PlanSession[], minCurrentA: number) {
  const count = new Map<number, number>();
  for (const session of sessions) {
    const charger = chargers.find((each) => each.chargerId === session.chargerId);
    if (!charger || !charger.isWindowOpen || charger.maxA < minCurrentA) continue;
    for (const phase of phasesOf(charger)) count.set(phase, (count.get(phase) ?? 0) + 1);
  }
  return Math.max(0, ...count.values());
}

export type FeedPlan = { plan: CircuitPlan; feed: FeedBudget };

// Plans the circuit under what the meter feed allows now: the fuse (not at the grid connection), the static share per
// session (the feed silent), or the budget the latest reading leaves (the house's other load, or the solar surplus).
export function planWithFeed(
  circuit: FeedCircuit,
  chargers: PlanCharger[],
  sessions: DrawingSession[],
  { reading, known = null, now, solar }: { reading: GridReadingNow | null; known?: KnownOtherLoad; now: Date; solar: SolarState },
): FeedPlan {
  const shareA = circuitShareA(circuit.capacityA, chargers);
  const byId = new Map(chargers.map((charger) => [charger.chargerId, charger]));
  // Only a reading is taken our draw off: a circuit not following the feed has none.
  const ourDrawW = circuit.followsMeterFeed ? sessions.reduce((sum, session) => sum + (byId.has(session.chargerId) ? sessionDrawW(session, byId.get(session.chargerId)!, shareA) : 0), 0) : 0;
  const feed = feedBudget(circuit, { reading, known, ourDrawW, now, solar, busiestPhaseSessions: busiestPhaseSessions(chargers, sessions, circuit.minCurrentA) });
  const budget = { capacityA: circuit.capacityA, minCurrentA: circuit.minCurrentA };
  if (feed.kind === 'fuse') return { plan: planCircuit(budget, chargers, sessions, shareA), feed };
  if (feed.kind === 'silent') return { plan: planCircuit({ ...budget, sessionCapA: shareA }, chargers, sessions, shareA), feed };
  return { plan: planCircuit({ ...budget, chargingBudgetA: feed.budgetA }, chargers, sessions, shareA), feed };
}
