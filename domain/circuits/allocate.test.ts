import { describe, expect, it } from 'vitest';
import { allocate, staticShareA, type SessionDemand } from './allocate';

const threePhase = (key: string, maxA = 32): SessionDemand => ({ key, phases: [1, 2, 3], maxA });
const budget = (capacityA: number, minCurrentA = 6) => ({ capacityA, minCurrentA });

describe('allocate', () => {
  it('gives one session the whole fuse, and two an equal half each', () => {
    expect([...allocate(budget(16), [threePhase('a')])]).toEqual([['a', 16]]);
    expect([...allocate(budget(16), [threePhase('a'), threePhase('b')])]).toEqual([['a', 8], ['b', 8]]);
  });

  it('gives what a capped session cannot take to the others', () => {
    const shares = allocate(budget(32), [threePhase('a', 10), threePhase('b'), threePhase('c')]);
    expect([...shares]).toEqual([['a', 10], ['b', 11], ['c', 11]]);
  });

  it('makes the session the fuse cannot give the minimum wait at 0 A, in arrival order', () => {
    expect([...allocate(budget(16), [threePhase('a'), threePhase('b'), threePhase('c')])]).toEqual([['a', 8], ['b', 8], ['c', 0]]);
  });

  it('keeps an idle car (SuspendedEV) at the minimum and gives the rest to the others', () => {
    expect([...allocate(budget(20), [{ ...threePhase('a'), isIdle: true }, threePhase('b')])]).toEqual([['a', 6], ['b', 14]]);
  });

  it('divides each phase on its own: single-phase chargers on different phases do not share', () => {
    const shares = allocate(budget(16), [{ key: 'l1', phases: [1], maxA: 32 }, { key: 'l2', phases: [2], maxA: 32 }, { key: 'l1b', phases: [1], maxA: 32 }]);
    expect([...shares]).toEqual([['l1', 8], ['l2', 16], ['l1b', 8]]);
  });

  it('counts what it cannot steer before dividing the rest', () => {
    expect([...allocate(budget(25), [threePhase('a')], [{ phases: [1, 2, 3], currentA: 10 }])]).toEqual([['a', 15]]);
    expect([...allocate(budget(25), [threePhase('a')], [{ phases: [1, 2, 3], currentA: 20 }])]).toEqual([['a', 0]]);
  });

  it('gives nothing to a session whose own maximum is below the minimum', () => {
    expect([...allocate(budget(32), [threePhase('a', 4), threePhase('b')])]).toEqual([['a', 0], ['b', 32]]);
  });

  it('rounds down to a tenth of an ampere, never past the fuse', () => {
    expect([...allocate(budget(20), [threePhase('a'), threePhase('b'), threePhase('c')])]).toEqual([['a', 6.6], ['b', 6.6], ['c', 6.6]]);
    expect(staticShareA(20, 3)).toBe(6.6);
  });
});
