import { describe, expect, it } from 'vitest';
import { planCircuit } from './plan';
import { planCharger, planSession } from './plan-builders';

const charger = planCharger;
const session = planSession;
const budget = { capacityA: 32, minCurrentA: 6 };
const sharesOf = (plan: ReturnType<typeof planCircuit>) => Object.fromEntries(plan.allocations.map((allocation) => [allocation.transactionId, allocation.currentA]));

describe('planCircuit', () => {
  it('counts a charger without smart charging at its full maximum and steers only the others', () => {
    const plan = planCircuit(budget, [charger('dumb', { isControllable: false, maxA: 16 }), charger('smart')], [session(1, 'dumb'), session(2, 'smart')]);
    expect(sharesOf(plan)).toEqual({ 2: 16 });
    expect(plan.defaults).toEqual(['smart']);
  });

  it('counts every connector of a lost charger at the static share, or at what its session was last sent if more', () => {
    const chargers = [charger('lost', { isOnline: false, connectorCount: 2 }), charger('a'), charger('b')];
    expect(planCircuit(budget, chargers, [session(1, 'a')]).shareA).toBe(8);
    expect(sharesOf(planCircuit(budget, chargers, [session(1, 'a')]))).toEqual({ 1: 16 });
    expect(sharesOf(planCircuit(budget, chargers, [session(1, 'a'), session(2, 'lost', { currentA: 12 })]))).toEqual({ 1: 12 });
  });

  it('gives nothing outside the owner’s charging windows, and the minimum to a paused car', () => {
    const chargers = [charger('closed', { isWindowOpen: false }), charger('paused'), charger('a')];
    expect(sharesOf(planCircuit(budget, chargers, [session(1, 'closed'), session(2, 'paused', { status: 'SuspendedEV' }), session(3, 'a')]))).toEqual({ 1: 0, 2: 6, 3: 26 });
  });

  it('sends the static share again only to online chargers that do not have it', () => {
    const plan = planCircuit(budget, [charger('has', { defaultShareA: 16 }), charger('new'), charger('away', { isOnline: false })], []);
    expect(plan.shareA).toBe(10.6);
    expect(plan.defaults).toEqual(['has', 'new']);
  });
});
