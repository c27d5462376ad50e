import { describe, expect, it } from 'vitest';
import { FEED_SILENT_AFTER_MS } from './feed-budget';
import { planWithFeed, sessionDrawW, type DrawingSession } from './feed-plan';
import { planCharger, planSession } from './plan-builders';
import { SOLAR_IDLE, SOLAR_START_AFTER_MS, type SolarMode } from './solar-hysteresis';

const charger = planCharger;
const session = (transactionId: number, chargerId: string, overrides: Partial<DrawingSession> = {}): DrawingSession => ({ ...planSession(transactionId, chargerId, overrides), measuredPowerW: overrides.measuredPowerW ?? null });
const now = new Date('2026-12-03T12:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const circuit = (overrides: { followsMeterFeed?: boolean; solarMode?: SolarMode } = {}) => ({ capacityA: 32, minCurrentA: 6, followsMeterFeed: true, solarMode: 'off' as SolarMode, ...overrides });
const sharesOf = ({ plan }: ReturnType<typeof planWithFeed>) => Object.fromEntries(plan.allocations.map((allocation) => [allocation.transactionId, allocation.currentA]));
const twoChargers = [charger('a'), charger('b')];

describe('a circuit following the meter feed', () => {
  it('shares the fuse less the house’s other load: grid import less what its sessions draw', () => {
    // Both draw 10 A on three phases (13,800 W); the grid shows 6,900 W more: 10 A a phase of other load.
    const sessions = [session(1, 'a', { currentA: 10 }), session(2, 'b', { currentA: 10 })];
    const planned = planWithFeed(circuit(), twoChargers, sessions, { reading: { powerW: 13_800 + 6_900, measuredAt: secondsAgo(5) }, now, solar: SOLAR_IDLE });
    expect(planned.feed).toMatchObject({ kind: 'live', budgetA: 22, otherLoadW: 6_900, isImportAboveLimit: false });
    expect(sharesOf(planned)).toEqual({ 1: 11, 2: 11 });
  });

  it('says the grid import is above the fuse when the reading is, and gives nothing when the house takes it all', () => {
    const planned = planWithFeed(circuit(), twoChargers, [session(1, 'a', { currentA: 16 })], { reading: { powerW: 11_040 + 23_000, measuredAt: now }, now, solar: SOLAR_IDLE });
    expect(planned.feed).toMatchObject({ kind: 'live', budgetA: 0, isImportAboveLimit: true });
    expect(sharesOf(planned)).toEqual({ 1: 0 });
  });

  it('counts a session at its measured power when it draws less than its limit, and never at more than the limit', () => {
    expect(sessionDrawW(session(1, 'a', { currentA: 16, measuredPowerW: 4_000 }), charger('a'), 16)).toBe(4_000);
    expect(sessionDrawW(session(1, 'a', { currentA: 10, measuredPowerW: 20_000 }), charger('a'), 16)).toBe(6_900);
  });

  it('keeps the other load worked out from a reading until the next one, however the limits change meanwhile', () => {
    const reading = { powerW: 10 * 690 + 6_900, measuredAt: secondsAgo(30) };
    const first = planWithFeed(circuit(), twoChargers, [session(1, 'a', { currentA: 10 })], { reading, now, solar: SOLAR_IDLE });
    expect(first.feed).toMatchObject({ budgetA: 22, otherLoadW: 6_900 });
    // A second session starts before the meter speaks again: the old reading does not know of its draw.
    const known = { readingAt: reading.measuredAt, otherLoadW: 6_900 };
    const second = planWithFeed(circuit(), twoChargers, [session(1, 'a', { currentA: 22 }), session(2, 'b')], { reading, known, now, solar: SOLAR_IDLE });
    expect(second.feed).toMatchObject({ budgetA: 22, otherLoadW: 6_900 });
    expect(sharesOf(second)).toEqual({ 1: 11, 2: 11 });
  });

  it('never gives more than the fuse while the house exports', () => {
    const planned = planWithFeed(circuit(), twoChargers, [session(1, 'a', { currentA: 16 })], { reading: { powerW: -5_000, measuredAt: now }, now, solar: SOLAR_IDLE });
    expect(planned.feed).toMatchObject({ budgetA: 32 });
    expect(sharesOf(planned)).toEqual({ 1: 32 });
  });

  it('falls back to the static share when the feed has been silent too long, or never spoke', () => {
    const sessions = [session(1, 'a', { currentA: 30 })];
    const silent = planWithFeed(circuit(), twoChargers, sessions, { reading: { powerW: 0, measuredAt: new Date(now.getTime() - FEED_SILENT_AFTER_MS - 1) }, now, solar: SOLAR_IDLE });
    expect(silent.feed.kind).toBe('silent');
    expect(sharesOf(silent)).toEqual({ 1: 16 });
    expect(planWithFeed(circuit(), twoChargers, sessions, { reading: null, now, solar: SOLAR_IDLE }).feed.kind).toBe('silent');
    expect(sharesOf(planWithFeed(circuit({ followsMeterFeed: false }), twoChargers, sessions, { reading: null, now, solar: SOLAR_IDLE }))).toEqual({ 1: 32 });
  });
});

describe('solar mode', () => {
  // The house exports 5,520 W with one car plugged in and drawing nothing yet: 8 A a phase of surplus.
  const exporting = { powerW: -5_520, measuredAt: now };
  const plugged = [session(1, 'a', { currentA: 0, measuredPowerW: 0 })];

  it('surplus only: the car waits until the surplus has held the minimum for the start delay, then gets the surplus', () => {
    const first = planWithFeed(circuit({ solarMode: 'surplus' }), twoChargers, plugged, { reading: exporting, now, solar: SOLAR_IDLE });
    expect(sharesOf(first)).toEqual({ 1: 0 });
    const later = new Date(now.getTime() + SOLAR_START_AFTER_MS);
    const solar = first.feed.kind === 'live' ? first.feed.solar : SOLAR_IDLE;
    const second = planWithFeed(circuit({ solarMode: 'surplus' }), twoChargers, plugged, { reading: { ...exporting, measuredAt: later }, now: later, solar });
    expect(sharesOf(second)).toEqual({ 1: 8 });
  });

  it('surplus only: a second car waits while the surplus covers only one minimum', () => {
    const charging = { isCharging: true, crossedAt: null };
    const sessions = [...plugged, session(2, 'b', { currentA: 0, measuredPowerW: 0 })];
    expect(sharesOf(planWithFeed(circuit({ solarMode: 'surplus' }), twoChargers, sessions, { reading: exporting, now, solar: charging }))).toEqual({ 1: 8, 2: 0 });
  });

  it('minimum plus surplus: every car keeps the minimum even at night, and takes the surplus above it', () => {
    const sessions = [...plugged, session(2, 'b', { currentA: 0, measuredPowerW: 0 })];
    expect(sharesOf(planWithFeed(circuit({ solarMode: 'minimumPlusSurplus' }), twoChargers, sessions, { reading: { powerW: 300, measuredAt: now }, now, solar: SOLAR_IDLE }))).toEqual({ 1: 6, 2: 6 });
    expect(sharesOf(planWithFeed(circuit({ solarMode: 'minimumPlusSurplus' }), twoChargers, sessions, { reading: { powerW: -13_800, measuredAt: now }, now, solar: SOLAR_IDLE }))).toEqual({ 1: 10, 2: 10 });
  });
});
