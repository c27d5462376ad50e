import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createBackgroundSlots, type BackgroundSlots } from './background-slots';
import { createChargerRuns } from './charger-runs';
import { createLogger } from './logger';

// Work held open until the test lets it finish, noting when it started.
function heldWork(started: string[]) {
  const releases = new Map<string, () => void>();
  const work = (name: string) => () => {
    started.push(name);
    return new Promise<string>((resolve) => releases.set(name, () => resolve(name)));
  };
  const finish = async (name: string) => {
    releases.get(name)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

// Work put in line as a place that declines its turn once `isWanted` says no; its answer then is undefined.
function inLine<T>(slots: BackgroundSlots, work: () => Promise<T>, isWanted = () => true) {
  return new Promise<T | undefined>((resolve, reject) =>
    slots.enter({
      takeTurn() {
        if (!isWanted()) return void resolve(undefined);
        const running = work();
        running.then(resolve, reject);
        return running;
      },
    }),
  );
}

describe('background slots', () => {
  it('runs at most the limit at once and starts the rest in the order they arrived', async () => {
    const started: string[] = [];
    const { work, finish } = heldWork(started);
    const slots = createBackgroundSlots(2);
    const runs = ['a', 'b', 'c', 'd', 'e'].map((name) => inLine(slots, work(name)));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect({ inProgress: slots.inProgress, waiting: slots.waiting }).toEqual({ inProgress: 2, waiting: 3 });

    await finish('b');
    expect(started).toEqual(['a', 'b', 'c']);
    // A run arriving while others wait goes behind them, even as a slot comes free.
    const late = inLine(slots, work('late'));
    await finish('a');
    await finish('c');
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    await finish('d');
    expect(started.at(-1)).toBe('late');
    await finish('e');
    await finish('late');
    expect(await Promise.all([...runs, late])).toEqual(['a', 'b', 'c', 'd', 'e', 'late']);
    expect({ inProgress: slots.inProgress, waiting: slots.waiting }).toEqual({ inProgress: 0, waiting: 0 });
  });

  it('passes over a run no longer wanted when its turn comes, without it taking the slot', async () => {
    const started: string[] = [];
    const { work, finish } = heldWork(started);
    const slots = createBackgroundSlots(1);
    let isWanted = true;
    const first = inLine(slots, work('first'));
    const gone = inLine(slots, work('gone'), () => isWanted);
    const next = inLine(slots, work('next'));
    isWanted = false;
    await finish('first');
    expect(started).toEqual(['first', 'next']);
    expect(await gone).toBeUndefined();
    await finish('next');
    expect([await first, await next]).toEqual(['first', 'next']);
  });

  it('lets one run go at a time while the chargers wait for the database, and fills up again once they do not', async () => {
    const started: string[] = [];
    const { work, finish } = heldWork(started);
    let isBusy = true;
    const slots = createBackgroundSlots(3, { isBusy: () => isBusy });
    const runs = ['a', 'b', 'c', 'd', 'e'].map((name) => inLine(slots, work(name)));
    await settle();
    expect(started).toEqual(['a']);
    await finish('a');
    expect(started).toEqual(['a', 'b']);

    isBusy = false;
    await finish('b');
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Busy again with three under way: none starts until they are down to one.
    const late = inLine(slots, work('late'));
    isBusy = true;
    await finish('c');
    await finish('d');
    expect(started.at(-1)).toBe('e');
    await finish('e');
    expect(started.at(-1)).toBe('late');
    await finish('late');
    expect(await Promise.all([...runs, late])).toEqual(['a', 'b', 'c', 'd', 'e', 'late']);
    expect({ inProgress: slots.inProgress, waiting: slots.waiting }).toEqual({ inProgress: 0, waiting: 0 });
  });

  it('fills up once the chargers stop waiting even while no run ends, as when the one under way waits on a silent charger', async () => {
    const started: string[] = [];
    const { work, finish } = heldWork(started);
    let isBusy = true;
    const slots = createBackgroundSlots(3, { isBusy: () => isBusy, recheckMs: 10 });
    const runs = ['silent', 'b', 'c', 'd'].map((name) => inLine(slots, work(name)));
    await settle();
    expect(started).toEqual(['silent']);
    isBusy = false;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['silent', 'b', 'c']);
    for (const name of ['silent', 'b', 'c', 'd']) await finish(name);
    expect(await Promise.all(runs)).toEqual(['silent', 'b', 'c', 'd']);
  });

  it('frees the slot of a turn that throws as it starts, and goes on to the next', async () => {
    const slots = createBackgroundSlots(1);
    slots.enter({
      takeTurn() {
        throw new Error('broken turn');
      },
    });
    expect(await inLine(slots, async () => 'next')).toBe('next');
    expect({ inProgress: slots.inProgress, waiting: slots.waiting }).toEqual({ inProgress: 0, waiting: 0 });
  });

  it('frees the slot of a run that failed', async () => {
    const slots = createBackgroundSlots(1);
    await expect(inLine(slots, () => Promise.reject(new Error('charger gone')))).rejects.toThrow('charger gone');
    expect(await inLine(slots, async () => 'after')).toBe('after');
    expect(slots.inProgress).toBe(0);
  });

  it('is shared by the runs of every kind, which keep one run per charger and settle once their line is through', async () => {
    const slots = createBackgroundSlots(1);
    const log = createLogger('silent');
    const connected = new Set(['CP-1', 'CP-2', 'CP-3']);
    const ran: string[] = [];
    let active = 0;
    let mostActive = 0;
    const kind = (name: string) =>
      createChargerRuns<'boot'>({
        delayMs: 0,
        log,
        name,
        slots,
        isConnected: (chargerId) => connected.has(chargerId),
        nextReason: (_waiting, arriving) => arriving,
        run: async (chargerId) => {
          mostActive = Math.max(mostActive, ++active);
          ran.push(`${name} ${chargerId}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active--;
        },
      });
    const provisioning = kind('provisioning');
    const lists = kind('list');
    for (const chargerId of connected) {
      void provisioning.schedule(chargerId, 'boot');
      void lists.schedule(chargerId, 'boot');
    }
    // CP-2 leaves while its runs wait in line.
    connected.delete('CP-2');
    await Promise.all([provisioning.settled(), lists.settled()]);
    expect(mostActive).toBe(1);
    expect(ran).toEqual(['provisioning CP-1', 'list CP-1', 'provisioning CP-3', 'list CP-3']);
    expect({ inProgress: slots.inProgress, waiting: slots.waiting }).toEqual({ inProgress: 0, waiting: 0 });
  });

  // After a fleet of 19,000 boots, each charger has a provisioning run and a list sync waiting: 38,000 runs.
  it('keeps a waiting run small, so that a fleet booting together does not fill the heap with its line', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const slots = createBackgroundSlots(1);
    const log = createLogger('silent');
    const never = new Promise<void>(() => {});
    const kind = (name: string) => createChargerRuns<'boot'>({ delayMs: 0, log, name, slots, isConnected: () => true, nextReason: (_waiting, arriving) => arriving, run: () => never });
    const [provisioning, lists] = [kind('provisioning'), kind('list')];
    const chargers = Array.from({ length: 10_000 }, (_, index) => `CP-${index}`);
    collect();
    const before = process.memoryUsage().heapUsed;
    for (const chargerId of chargers) {
      void provisioning.schedule(chargerId, 'boot');
      void lists.schedule(chargerId, 'boot');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    collect();
    const perRun = (process.memoryUsage().heapUsed - before) / (2 * chargers.length);
    expect(slots.waiting).toBe(2 * chargers.length - 1);
    // A suspended function with its promises took about 2.8 KB; the record and its place in line take about 400 B.
    expect(perRun).toBeLessThan(1_000);
  });
});
