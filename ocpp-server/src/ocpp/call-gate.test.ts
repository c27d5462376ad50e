import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createCallGate, type GateMember } from './call-gate';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// A socket with `frames` calls waiting: released, it lets them in one by one while the gate stays open.
function socketWith(gate: ReturnType<typeof createCallGate>, frames: number, log: string[], name: string) {
  let left = frames;
  const member: GateMember = {
    release() {
      while (left > 0) {
        if (!gate.mayPass(member)) return gate.wait(member);
        left--;
        gate.enter();
        log.push(name);
      }
    },
    peek() {
      log.push(`peek ${name}`);
    },
  };
  return member;
}

describe('call gate', () => {
  it('shuts at the cap and opens again only once the calls in flight fall to three quarters of it', () => {
    const gate = createCallGate({ maxInFlight: 4, peekEveryMs: 60_000 });
    for (let call = 0; call < 3; call++) gate.enter();
    expect(gate.isShut).toBe(false);
    gate.enter();
    expect(gate.isShut).toBe(true);
    gate.leave();
    expect(gate.isShut).toBe(false);
    gate.enter();
    gate.leave();
    gate.leave();
    expect({ isShut: gate.isShut, inFlight: gate.inFlight }).toEqual({ isShut: false, inFlight: 2 });
  });

  it('releases the sockets waiting in the order they came until the cap is reached again; the rest stay first in line', async () => {
    const gate = createCallGate({ maxInFlight: 4, peekEveryMs: 60_000 });
    const log: string[] = [];
    for (let call = 0; call < 4; call++) gate.enter();
    const [a, b, c] = [socketWith(gate, 1, log, 'a'), socketWith(gate, 2, log, 'b'), socketWith(gate, 1, log, 'c')];
    for (const member of [a, b, c]) gate.wait(member);
    gate.leave();
    await nextTurn();
    // One call answered (3 in flight, the reopening mark): a's call makes 4 again and b waits on, first in line.
    expect(log).toEqual(['a']);
    expect(gate.waiting).toBe(2);
    gate.leave();
    gate.leave();
    await nextTurn();
    expect(log).toEqual(['a', 'b', 'b']);
    gate.leave();
    await nextTurn();
    expect(log).toEqual(['a', 'b', 'b', 'c']);
    expect(gate.waiting).toBe(0);
  });

  it('lets no frame overtake the sockets waiting while the gate is open again but has not released them yet', async () => {
    const gate = createCallGate({ maxInFlight: 4, peekEveryMs: 60_000 });
    const log: string[] = [];
    for (let call = 0; call < 4; call++) gate.enter();
    const early = socketWith(gate, 1, log, 'early');
    gate.wait(early);
    gate.leave();
    gate.leave();
    const late = socketWith(gate, 1, log, 'late');
    expect(gate.mayPass(late)).toBe(false);
    gate.wait(late);
    await nextTurn();
    expect(log).toEqual(['early', 'late']);
    expect(gate.waiting).toBe(0);
  });

  it('tells the most calls in flight since it was last asked', () => {
    const gate = createCallGate({ maxInFlight: null, peekEveryMs: 60_000 });
    for (let call = 0; call < 7; call++) gate.enter();
    for (let call = 0; call < 5; call++) gate.leave();
    expect(gate.takePeak()).toBe(7);
    expect(gate.takePeak()).toBe(2);
    expect(gate.isShut).toBe(false);
  });

  it('lets the sockets waiting read again while it stays shut, and stops once none waits', async () => {
    const gate = createCallGate({ maxInFlight: 1, peekEveryMs: 20 });
    const log: string[] = [];
    gate.enter();
    const waiting = socketWith(gate, 1, log, 'w');
    gate.wait(waiting);
    await sleep(70);
    expect(log.filter((entry) => entry === 'peek w').length).toBeGreaterThanOrEqual(2);
    gate.forget(waiting);
    const peeks = log.length;
    await sleep(70);
    expect(log.length).toBe(peeks);
  });
});
