import { ALL_PHASES, allocate, staticShareA, type CircuitBudget, type CircuitPhase, type FixedLoad, type SessionDemand } from './allocate';

export type PlanCharger = {
  chargerId: string;
  isOnline: boolean;
  // It takes charging profiles (or has not said it does not).
  isControllable: boolean;
  phases: number;
  // The circuit phase a single-phase charger is wired to.
  circuitPhase: CircuitPhase;
  // The owner's maximum (or the charger's own), and whether the owner's charging windows let it charge now.
  maxA: number;
  isWindowOpen: boolean;
  // The connectors that can draw at once (one per EVSE: the connectors of a 2.0.1 EVSE share it).
  connectorCount: number;
  defaultShareA: number | null;
  // Volts per phase (230 when not given): turns a limit into the power it draws.
  voltage?: number;
};

// A running session, with the connector's status and the current it was last sent.
export type PlanSession = { transactionId: number; chargerId: string; connectorId: number; status: string | null; currentA: number | null };

// What the sessions may share when less than the fuse (the meter feed's budget: the fuse less the house's other
// load, or the solar surplus), and a cap on each session (the static share, while the feed is silent). The static
// share itself stays the fuse over the connectors whatever the feed says.
export type PlanBudget = CircuitBudget & { chargingBudgetA?: number; sessionCapA?: number };

export type CircuitPlan = {
  shareA: number;
  // Every session the platform steers, with its new share.
  allocations: { transactionId: number; chargerId: string; connectorId: number; currentA: number; previousA: number | null }[];
  // Online chargers whose TxDefaultProfile is to be (re)sent at shareA.
  defaults: string[];
};

// The car has stopped drawing for now (1.6 §4.9): it keeps the minimum to resume on, the rest goes to the others.
const IDLE_STATUSES = new Set(['SuspendedEV', 'Finishing']);

export const phasesOf = (charger: PlanCharger): CircuitPhase[] => (charger.phases === 1 ? [charger.circuitPhase] : [...ALL_PHASES]);

// What the platform cannot steer, counted first: a charger without smart charging at its full maximum for each
// session (and each connector while it is away); a charger the platform has lost at its static share for each
// connector, or at what its running session was last sent if more (that TxProfile stays in force while it is away).
function fixedLoads(chargers: PlanCharger[], sessions: PlanSession[], shareA: number): FixedLoad[] {
  const loads: FixedLoad[] = [];
  for (const charger of chargers) {
    const own = sessions.filter((session) => session.chargerId === charger.chargerId);
    const phases = phasesOf(charger);
    if (!charger.isControllable) {
      const drawing = charger.isOnline ? own.length : charger.connectorCount;
      for (let index = 0; index < drawing; index++) loads.push({ phases, currentA: charger.maxA });
    } else if (!charger.isOnline) {
      // Each running session at what it was last sent (or the share), and each connector left at the share.
      const sent = own.map((session) => session.currentA ?? 0);
      for (let index = 0; index < Math.max(charger.connectorCount, own.length); index++) {
        loads.push({ phases, currentA: Math.min(charger.isWindowOpen ? charger.maxA : 0, Math.max(shareA, sent[index] ?? 0)) });
      }
    }
  }
  return loads;
}

// The static share of each of the circuit's connectors.
export const circuitShareA = (capacityA: number, chargers: PlanCharger[]) => staticShareA(capacityA, chargers.reduce((sum, charger) => sum + charger.connectorCount, 0));

export function planCircuit(budget: PlanBudget, chargers: PlanCharger[], sessions: PlanSession[], shareA = circuitShareA(budget.capacityA, chargers)): CircuitPlan {
  const sessionMaxA = (charger: PlanCharger) => (charger.isWindowOpen ? Math.min(charger.maxA, budget.sessionCapA ?? Infinity) : 0);
  const byId = new Map(chargers.map((charger) => [charger.chargerId, charger]));
  const steered = sessions.filter((session) => {
    const charger = byId.get(session.chargerId);
    return charger?.isControllable && charger.isOnline;
  });
  const demands: SessionDemand[] = steered.map((session) => {
    const charger = byId.get(session.chargerId)!;
    return { key: String(session.transactionId), phases: phasesOf(charger), maxA: sessionMaxA(charger), isIdle: IDLE_STATUSES.has(session.status ?? '') };
  });
  const allocatorBudget = { capacityA: Math.min(budget.capacityA, budget.chargingBudgetA ?? Infinity), minCurrentA: budget.minCurrentA };
  const shares = allocate(allocatorBudget, demands, fixedLoads(chargers, sessions, shareA));
  return {
    shareA,
    allocations: steered.map((session) => ({ ...session, previousA: session.currentA, currentA: shares.get(String(session.transactionId))! })),
    defaults: chargers.filter((charger) => charger.isControllable && charger.isOnline && charger.defaultShareA !== shareA).map((charger) => charger.chargerId),
  };
}
