import { describe, expect, it } from 'vitest';
import { ALL_PHASES, allocate, type CircuitPhase, type FixedLoad, type SessionDemand } from './allocate';

// A small seeded generator, so that a failing run can be replayed from its seed.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Charger = { phases: CircuitPhase[]; maxA: number };
const EVENTS = 10_000;
const CHARGERS = 12;
const EPSILON = 1e-6;

function check({ capacityA, minCurrentA }: { capacityA: number; minCurrentA: number }, sessions: SessionDemand[], fixed: FixedLoad[], shares: Map<string, number>) {
  const load = (phase: CircuitPhase, at: (session: SessionDemand) => number) =>
    fixed.filter((entry) => entry.phases.includes(phase)).reduce((sum, entry) => sum + entry.currentA, 0) +
    sessions.filter((session) => session.phases.includes(phase)).reduce((sum, session) => sum + at(session), 0);
  const share = (session: SessionDemand) => shares.get(session.key)!;
  for (const phase of ALL_PHASES) {
    const fixedOnPhase = load(phase, () => 0);
    // The fuse is never exceeded by what the platform adds (what it cannot steer may alone exceed it).
    if (fixedOnPhase <= capacityA) expect(load(phase, share)).toBeLessThanOrEqual(capacityA + EPSILON);
    else expect(load(phase, share)).toBe(fixedOnPhase);
  }
  const served = sessions.filter((session) => share(session) > 0);
  for (const session of served) {
    expect(share(session)).toBeGreaterThanOrEqual(minCurrentA);
    expect(share(session)).toBeLessThanOrEqual((session.isIdle ? minCurrentA : session.maxA) + EPSILON);
  }
  // No session waits while the fuse could give it the minimum with every served session at the minimum.
  const atMinimum = (phase: CircuitPhase) => load(phase, (session) => (share(session) > 0 ? minCurrentA : 0));
  for (const session of sessions.filter((each) => share(each) === 0 && each.maxA >= minCurrentA)) {
    expect(session.phases.some((phase) => atMinimum(phase) + minCurrentA > capacityA + EPSILON)).toBe(true);
  }
  // Equal shares among sessions on the same phases that neither their own cap nor the minimum holds.
  const uncapped = served.filter((session) => !session.isIdle && share(session) < session.maxA - 0.1);
  for (const a of uncapped) for (const b of uncapped) if (a.phases.join() === b.phases.join()) expect(share(a)).toBe(share(b));
  // Each of them is held by a full phase, on which nobody gets more than it (max-min fairness).
  for (const session of uncapped) {
    const holding = session.phases.some(
      (phase) => load(phase, share) > capacityA - 0.1 * (served.length + 1) && served.filter((other) => other.phases.includes(phase)).every((other) => share(other) <= share(session) + 0.1 + EPSILON),
    );
    expect(holding).toBe(true);
  }
}

describe('allocate over random events', () => {
  it(`keeps every phase within the fuse, the minimum, the queue and equal shares over ${EVENTS} events`, () => {
    const next = random(20261203);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
    const chargers: Charger[] = Array.from({ length: CHARGERS }, () => ({
      phases: next() < 0.3 ? [pick(ALL_PHASES)] : [...ALL_PHASES],
      maxA: pick([4, 6, 10, 16, 32]),
    }));
    let budget = { capacityA: 63, minCurrentA: 6 };
    let sessions: (SessionDemand & { charger: number })[] = [];
    let fixed: FixedLoad[] = [];
    let serial = 0;
    const kinds = { start: 0, stop: 0, status: 0, limit: 0, capacity: 0, lost: 0 };
    for (let event = 0; event < EVENTS; event++) {
      const roll = next();
      const free = chargers.map((_, index) => index).filter((index) => !sessions.some((session) => session.charger === index));
      if (roll < 0.35 && free.length > 0) {
        const charger = pick(free);
        sessions.push({ key: String(serial++), charger, phases: chargers[charger]!.phases, maxA: chargers[charger]!.maxA });
        kinds.start++;
      } else if (roll < 0.6 && sessions.length > 0) {
        const gone = pick(sessions);
        sessions = sessions.filter((session) => session !== gone);
        kinds.stop++;
      } else if (roll < 0.75 && sessions.length > 0) {
        const session = pick(sessions);
        session.isIdle = !session.isIdle;
        kinds.status++;
      } else if (roll < 0.87) {
        const index = Math.floor(next() * CHARGERS);
        chargers[index]!.maxA = pick([0, 4, 6, 8, 13, 16, 20, 32]);
        for (const session of sessions) if (session.charger === index) session.maxA = chargers[index]!.maxA;
        kinds.limit++;
      } else if (roll < 0.95) {
        budget = { ...budget, capacityA: pick([6, 10, 16, 25, 32, 40, 63, 80]) };
        kinds.capacity++;
      } else {
        fixed = next() < 0.5 ? [] : [{ phases: next() < 0.5 ? [...ALL_PHASES] : [pick(ALL_PHASES)], currentA: pick([3.3, 6, 10.5, 16]) }];
        kinds.lost++;
      }
      check(budget, sessions, fixed, allocate(budget, sessions, fixed));
    }
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(300);
  });
});
