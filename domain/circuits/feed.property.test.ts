import { describe, expect, it } from 'vitest';
import { compositeLimitAt } from '../smart-charging/composite';
import { ALL_PHASES, staticShareA, type CircuitPhase } from './allocate';
import { circuitDefaultProfile, circuitTxProfile } from './circuit-profiles';
import { SITE_PHASES, SITE_VOLTAGE_V, type FeedBudget, type KnownOtherLoad } from './feed-budget';
import { planWithFeed, type DrawingSession } from './feed-plan';
import { phasesOf, type PlanCharger } from './plan';
import { planCharger } from './plan-builders';
import { CIRCUIT_SOLAR_MODES, SOLAR_IDLE, type SolarMode, type SolarState } from './solar-hysteresis';

// The property: 12 simulated chargers behind one 63 A circuit at the grid connection, over 10,000 random
// events (starts, stops, disconnects, meter-feed jumps, limit changes, a feed falling silent and back, solar modes).
// After each, the plan must keep what the chargers may draw (each steered session's composite schedule, and what a
// lost charger may draw unseen) within what the circuit may carry at that instant, and leave no session waiting that would fit.

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const EVENTS = 10_000;
const CAPACITY_A = 63;
const MIN_A = 6;
const EPSILON = 1e-6;
const W_PER_PHASE_AMP = SITE_PHASES * SITE_VOLTAGE_V;

type Sim = {
  chargers: PlanCharger[];
  sessions: DrawingSession[];
  solarMode: SolarMode;
  solar: SolarState;
  known: KnownOtherLoad;
  // The house's own load (negative: solar exporting), and what it was when the meter last spoke.
  otherW: number;
  otherAtReadingW: number;
  isFeedAlive: boolean;
  reading: { powerW: number; measuredAt: Date } | null;
  now: Date;
};

const wattsOf = (charger: PlanCharger, amps: number) => amps * charger.phases * SITE_VOLTAGE_V;
const circuitOf = (sim: Sim) => ({ capacityA: CAPACITY_A, minCurrentA: MIN_A, followsMeterFeed: true, solarMode: sim.solarMode });
const shareOf = (sim: Sim) => staticShareA(CAPACITY_A, sim.chargers.reduce((sum, charger) => sum + charger.connectorCount, 0));

// What each session really draws: the limit last sent, or its charger's static share (its TxDefaultProfile) before
// its first one. The meter measures exactly that.
function actualDrawW(sim: Sim) {
  return sim.sessions.reduce((sum, session) => {
    const charger = sim.chargers.find((each) => each.chargerId === session.chargerId)!;
    return sum + wattsOf(charger, Math.min(charger.maxA, session.currentA ?? shareOf(sim)));
  }, 0);
}

// What a charger the platform has lost may draw on each of its connectors: its running session's last limit, or the
// static share, within its own maximum.
function unseenLoadA(sim: Sim, charger: PlanCharger) {
  return Array.from({ length: charger.connectorCount }, (_, index) => {
    const sent = sim.sessions.find((session) => session.chargerId === charger.chargerId && session.connectorId === index + 1)?.currentA ?? 0;
    return Math.min(charger.maxA, Math.max(shareOf(sim), sent));
  }).reduce((sum, amps) => sum + amps, 0);
}

// What the charger itself holds the session to: the composite schedule (OCPP 1.6 §3.13.2) of the profiles the circuit
// installs on it, its TxDefaultProfile at the static share and the session's TxProfile at its share, in amperes a phase.
function compositeA(sim: Sim, charger: PlanCharger, session: DrawingSession, currentA: number) {
  const electrical = { voltage: SITE_VOLTAGE_V, phases: charger.phases };
  const target = { limits: null, electrical };
  const stack = [
    { connectorId: 0, profile: circuitDefaultProfile({ ...target, shareA: shareOf(sim), owner: null, now: sim.now }) },
    { connectorId: session.connectorId, profile: circuitTxProfile({ ...target, transactionId: session.transactionId, connectorId: session.connectorId, currentA }) },
  ];
  const context = { connectorId: session.connectorId, transactionId: session.transactionId, electrical, hardwareMaxW: wattsOf(charger, charger.maxA), sessionStartedAt: sim.now };
  return compositeLimitAt(stack, sim.now.getTime(), context) / (SITE_VOLTAGE_V * charger.phases);
}

function check(sim: Sim, feed: FeedBudget, shares: Map<number, number>) {
  const byId = new Map(sim.chargers.map((charger) => [charger.chargerId, charger]));
  const steered = sim.sessions.filter((session) => byId.get(session.chargerId)!.isOnline);
  const isLive = feed.kind === 'live';
  // At the grid connection the circuit carries the fuse less the house's load as the meter last measured it.
  const carryA = isLive ? Math.min(CAPACITY_A, CAPACITY_A - sim.otherAtReadingW / W_PER_PHASE_AMP) : CAPACITY_A;
  const sessionCapA = isLive ? Infinity : shareOf(sim);
  const unseen = (phase: CircuitPhase) => sim.chargers.filter((charger) => !charger.isOnline && phasesOf(charger).includes(phase)).reduce((sum, charger) => sum + unseenLoadA(sim, charger), 0);
  const onPhase = (phase: CircuitPhase) => steered.filter((session) => phasesOf(byId.get(session.chargerId)!).includes(phase));
  for (const phase of ALL_PHASES) {
    const given = onPhase(phase).reduce((sum, session) => sum + compositeA(sim, byId.get(session.chargerId)!, session, shares.get(session.transactionId)!), 0);
    if (unseen(phase) <= Math.max(0, carryA)) expect(unseen(phase) + given).toBeLessThanOrEqual(Math.max(0, carryA) + EPSILON);
    else expect(given).toBe(0);
  }
  for (const session of steered) {
    const share = shares.get(session.transactionId)!;
    const maxA = Math.min(byId.get(session.chargerId)!.maxA, sessionCapA);
    if (share > 0) expect(share).toBeGreaterThanOrEqual(MIN_A);
    expect(share).toBeLessThanOrEqual(maxA + EPSILON);
  }
  // A waiting session is one that would not fit at the minimum, with every served session at its minimum, in what
  // the circuit may give now (the fuse less the house's load; in solar mode, the surplus budget the feed allows).
  const budgetA = feed.kind === 'live' ? feed.budgetA : CAPACITY_A;
  if (feed.kind === 'live') expect(feed.budgetA).toBeLessThanOrEqual(Math.max(0, Math.floor(carryA + EPSILON)));
  const atMinimum = (phase: CircuitPhase) => unseen(phase) + onPhase(phase).filter((session) => shares.get(session.transactionId)! > 0).length * MIN_A;
  for (const session of steered.filter((each) => shares.get(each.transactionId) === 0)) {
    const charger = byId.get(session.chargerId)!;
    if (Math.min(charger.maxA, sessionCapA) < MIN_A || sim.sessions.find((each) => each.transactionId === session.transactionId)?.status === 'SuspendedEV') continue;
    expect(phasesOf(charger).some((phase) => atMinimum(phase) + MIN_A > budgetA + EPSILON)).toBe(true);
  }
}

function step(sim: Sim, next: () => number, kinds: Record<string, number>, serial: { value: number }) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const roll = next();
  const free = sim.chargers.filter((charger) => charger.isOnline && !sim.sessions.some((session) => session.chargerId === charger.chargerId));
  if (roll < 0.3 && free.length > 0) {
    sim.sessions.push({ transactionId: serial.value++, chargerId: pick(free).chargerId, connectorId: 1, status: 'Charging', currentA: null, measuredPowerW: null });
    kinds.start!++;
  } else if (roll < 0.52 && sim.sessions.length > 0) {
    const gone = pick(sim.sessions);
    sim.sessions = sim.sessions.filter((session) => session !== gone);
    kinds.stop!++;
  } else if (roll < 0.6) {
    const charger = pick(sim.chargers);
    charger.isOnline = !charger.isOnline;
    kinds.disconnect!++;
  } else if (roll < 0.8) {
    sim.otherW = pick([-20_000, -8_000, -3_000, 0, 1_500, 5_000, 12_000, 25_000, 40_000, 50_000]) + Math.round(next() * 1_000);
    kinds.feedJump!++;
  } else if (roll < 0.9) {
    const charger = pick(sim.chargers);
    charger.maxA = pick([0, 6, 10, 16, 20, 32]);
    kinds.limit!++;
  } else if (roll < 0.96) {
    sim.isFeedAlive = !sim.isFeedAlive;
    kinds.silent!++;
  } else {
    sim.solarMode = pick(CIRCUIT_SOLAR_MODES);
    kinds.solar!++;
  }
  // Seconds pass; sometimes long enough for a dead feed to count as silent.
  sim.now = new Date(sim.now.getTime() + pick([1_000, 5_000, 20_000, 45_000]));
  if (sim.isFeedAlive) {
    sim.reading = { powerW: Math.round(sim.otherW + actualDrawW(sim)), measuredAt: sim.now };
    sim.otherAtReadingW = sim.otherW;
  }
}

function plan(sim: Sim) {
  // The meter's power samples show what each session draws.
  for (const session of sim.sessions) {
    const charger = sim.chargers.find((each) => each.chargerId === session.chargerId)!;
    session.measuredPowerW = session.currentA === null ? null : wattsOf(charger, Math.min(charger.maxA, session.currentA));
  }
  const planned = planWithFeed(circuitOf(sim), sim.chargers, sim.sessions, { reading: sim.reading, known: sim.known, now: sim.now, solar: sim.solar });
  const shares = new Map(planned.plan.allocations.map((allocation) => [allocation.transactionId, allocation.currentA]));
  check(sim, planned.feed, shares);
  for (const session of sim.sessions) if (shares.has(session.transactionId)) session.currentA = shares.get(session.transactionId)!;
  if (planned.feed.kind === 'live') {
    sim.solar = planned.feed.solar;
    sim.known = { readingAt: planned.feed.readingAt, otherLoadW: planned.feed.otherLoadW };
  } else sim.solar = SOLAR_IDLE;
  return planned.feed.kind;
}

describe('a circuit at the grid connection over random events', () => {
  it(`keeps the chargers within what the circuit may carry, and lets no session wait that would fit, over ${EVENTS} events`, () => {
    const next = random(20261204);
    const sim: Sim = {
      chargers: Array.from({ length: 12 }, (_, index) =>
        planCharger(`c${index}`, { phases: index % 4 === 3 ? 1 : 3, circuitPhase: ((index % 3) + 1) as CircuitPhase, maxA: [16, 32][index % 2]!, connectorCount: index === 5 ? 2 : 1 }),
      ),
      sessions: [],
      solarMode: 'off',
      solar: SOLAR_IDLE,
      known: null,
      otherW: 2_000,
      otherAtReadingW: 2_000,
      isFeedAlive: true,
      reading: null,
      now: new Date('2026-12-04T10:00:00Z'),
    };
    const kinds = { start: 0, stop: 0, disconnect: 0, feedJump: 0, limit: 0, silent: 0, solar: 0 };
    const feedKinds = { live: 0, silent: 0, fuse: 0 };
    const serial = { value: 1 };
    for (let event = 0; event < EVENTS; event++) {
      step(sim, next, kinds, serial);
      feedKinds[plan(sim)]++;
    }
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(300);
    expect(feedKinds.silent).toBeGreaterThan(300);
    expect(feedKinds.live).toBeGreaterThan(3_000);
  });
});
