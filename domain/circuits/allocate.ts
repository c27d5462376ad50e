// Dividing one circuit's fuse among the charging sessions behind it: a pure function, so that every planner (and a
// property test) reads the same answer from the same inputs.

export type CircuitPhase = 1 | 2 | 3;
export const ALL_PHASES: CircuitPhase[] = [1, 2, 3];

// A draw the platform cannot steer: a session on a charger it has lost (counted at what that charger may take
// unseen), or on a charger without smart charging (counted at its full maximum).
export type FixedLoad = { phases: CircuitPhase[]; currentA: number };

export type SessionDemand = {
  key: string;
  // The circuit's phases it draws on: all three, or the one a single-phase charger is wired to.
  phases: CircuitPhase[];
  // The most its charger gives it now (the owner's maximum; 0 outside the owner's charging windows).
  maxA: number;
  // SuspendedEV: the car takes nothing now; it keeps the minimum, so that it can resume, and frees the rest.
  isIdle?: boolean;
};

export type CircuitBudget = { capacityA: number; minCurrentA: number };

// OCPP limits carry one decimal; rounding down keeps every phase's sum within the fuse.
const STEP = 10;
const roundDown = (amps: number) => Math.floor(amps * STEP + 1e-6) / STEP;
const EPSILON = 1e-9;

function loadsOf(fixed: FixedLoad[]) {
  const load = new Map<CircuitPhase, number>(ALL_PHASES.map((phase) => [phase, 0]));
  for (const { phases, currentA } of fixed) for (const phase of phases) load.set(phase, load.get(phase)! + currentA);
  return load;
}

// Sessions in arrival order. Each served session gets at least the minimum; the capacity left is shared in equal
// steps (water-filling), each session capped at its own maximum and each phase at the fuse, so that what one cannot
// take goes to the others. A session the fuse cannot give the minimum waits at 0 A; one whose own maximum is below
// the minimum cannot charge at all (a car takes no less than 6 A, IEC 61851-1) and gets 0 A too.
export function allocate(budget: CircuitBudget, sessions: SessionDemand[], fixed: FixedLoad[] = []): Map<string, number> {
  const { capacityA, minCurrentA } = budget;
  const load = loadsOf(fixed);
  const allocation = new Map<string, number>(sessions.map((session) => [session.key, 0]));
  const served: SessionDemand[] = [];
  for (const session of sessions) {
    if (session.maxA < minCurrentA) continue;
    if (!session.phases.every((phase) => load.get(phase)! + minCurrentA <= capacityA + EPSILON)) continue;
    for (const phase of session.phases) load.set(phase, load.get(phase)! + minCurrentA);
    allocation.set(session.key, minCurrentA);
    served.push(session);
  }
  const capOf = (session: SessionDemand) => (session.isIdle ? minCurrentA : session.maxA);
  let rising = served.filter((session) => capOf(session) > minCurrentA + EPSILON);
  while (rising.length > 0) {
    const level = allocation.get(rising[0]!.key)!;
    let step = Math.min(...rising.map((session) => capOf(session) - level));
    for (const phase of ALL_PHASES) {
      const sharing = rising.filter((session) => session.phases.includes(phase)).length;
      if (sharing > 0) step = Math.min(step, (capacityA - load.get(phase)!) / sharing);
    }
    step = Math.max(0, step);
    for (const session of rising) {
      allocation.set(session.key, level + step);
      for (const phase of session.phases) load.set(phase, load.get(phase)! + step);
    }
    const isFull = (phase: CircuitPhase) => load.get(phase)! >= capacityA - EPSILON;
    rising = rising.filter((session) => capOf(session) - (level + step) > EPSILON && !session.phases.some(isFull));
  }
  return new Map([...allocation].map(([key, amps]) => [key, roundDown(amps)]));
}

// What each charger may take on its own when the platform cannot reach it (its TxDefaultProfile): the fuse divided
// by every connector in the circuit, so that all of them at once stay within it.
export function staticShareA(capacityA: number, connectorCount: number) {
  return connectorCount > 0 ? roundDown(capacityA / connectorCount) : 0;
}
