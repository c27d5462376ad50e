import { describe, expect, it } from 'vitest';
import { createBatcher, StatementSlots } from './batcher';
import type { StatementTiming } from './statement-timing';

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('createBatcher', () => {
  it('runs calls made in the same turn as one batch and answers each with its own result', async () => {
    const batches: number[][] = [];
    const double = createBatcher(async (inputs: number[]) => {
      batches.push(inputs);
      return inputs.map((input) => input * 2);
    });
    await expect(Promise.all([1, 2, 3].map((input) => double(input)))).resolves.toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls that arrive while a batch is in flight into the next one', async () => {
    const gate = deferred();
    const batches: number[][] = [];
    const submit = createBatcher(
      async (inputs: number[]) => {
        batches.push(inputs);
        if (batches.length === 1) await gate.promise;
        return inputs;
      },
      { concurrency: 1 },
    );
    const first = submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((input) => submit(input));
    gate.release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('holds the calls of every kind while the shared statement slots are taken, and sends each kind as one batch after', async () => {
    const gate = deferred();
    const slots = new StatementSlots(1);
    const statements: string[] = [];
    const batcher = (kind: string) =>
      createBatcher(
        async (inputs: number[]) => {
          statements.push(`${kind} ${inputs.join(',')}`);
          if (statements.length === 1) await gate.promise;
          return inputs;
        },
        { slots },
      );
    const [readings, statuses] = [batcher('readings'), batcher('statuses')];
    const first = readings(1);
    await new Promise((resolve) => setImmediate(resolve));
    // Each kind may have two statements in flight of its own, but the one slot is taken.
    const later = [readings(2), statuses(3), readings(4), statuses(5)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(statements).toEqual(['readings 1']);
    // Calls waiting for a statement: the background line (ocpp-server/src/background-slots.ts) holds back.
    expect(slots.isContended).toBe(true);
    gate.release();
    await Promise.all([first, ...later]);
    expect(statements).toEqual(['readings 1', 'readings 2,4', 'statuses 3,5']);
    expect(slots.isContended).toBe(false);
  });

  it('lets another kind go while a statement waits past its slot\'s lend time, and after one that failed', async () => {
    const blocked = deferred();
    const slots = new StatementSlots(1, 20);
    const stops = createBatcher(
      async (inputs: number[]) => {
        // Waits on a row another transaction holds, then fails.
        await blocked.promise;
        throw new Error(`stop ${inputs.join(',')} failed`);
      },
      { slots },
    );
    const statuses = createBatcher(async (inputs: number[]) => inputs.map((input) => input * 10), { slots });
    const stop = stops(1);
    await new Promise((resolve) => setImmediate(resolve));

    await expect(statuses(2)).resolves.toBe(20);
    blocked.release();
    await expect(stop).rejects.toThrow('stop 1 failed');
    await expect(Promise.all([statuses(3), statuses(4)])).resolves.toEqual([30, 40]);
  });

  it('splits a backlog larger than maxSize', async () => {
    const sizes: number[] = [];
    const submit = createBatcher(
      async (inputs: number[]) => {
        sizes.push(inputs.length);
        return inputs;
      },
      { maxSize: 4, concurrency: 1 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, index) => submit(index)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('fails only the call whose input the statement refuses, not the others in its batch', async () => {
    const statements: number[][] = [];
    const submit = createBatcher(
      async (inputs: number[]) => {
        statements.push(inputs);
        if (inputs.includes(13)) throw new Error('refused 13');
        return inputs.map(String);
      },
      { isInputError: (error) => (error as Error).message.startsWith('refused') },
    );
    const inputs = Array.from({ length: 16 }, (_, index) => index);
    const results = await Promise.allSettled(inputs.map((input) => submit(input)));
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual(
      inputs.map((input) => (input === 13 ? 'refused 13' : String(input))),
    );
    // Found by halving: 16 → 8 → 4 → 2 → 1, each failing half split again, each good half one statement.
    expect(statements.length).toBeLessThanOrEqual(2 * Math.log2(16) + 1);
  });

  it('fails the whole batch at once when the error is not about one input (the database away)', async () => {
    let statements = 0;
    const submit = createBatcher(async () => {
      statements++;
      throw new Error('connection refused');
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((input) => submit(input)));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(statements).toBe(1);
  });

  it("counts a message's waits for two writes sent together as the time they cover, not their sum", async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const blocked = () => {
      const gate = deferred();
      const queued: number[] = [];
      const submit = createBatcher(
        async (inputs: number[]) => {
          if (inputs[0] === 0) await gate.promise;
          return inputs;
        },
        { concurrency: 1, onBatch: (batch) => queued.push(...batch.queuedMs) },
      );
      return { submit, gate, queued };
    };
    const [status, readings] = [blocked(), blocked()];
    const inFlight = [status.submit(0), readings.submit(0)];
    await new Promise((resolve) => setImmediate(resolve));
    const timing: StatementTiming = { queuedMs: 0 };
    const sent = Promise.all([status.submit.timed(1, timing), readings.submit.timed(1, timing)]);
    await sleep(10);
    status.gate.release();
    await sleep(10);
    readings.gate.release();
    await Promise.all([...inFlight, sent]);

    const [statusWait, readingsWait] = [status.queued.at(-1)!, readings.queued.at(-1)!];
    expect(statusWait).toBeGreaterThan(0);
    expect(readingsWait).toBeGreaterThan(statusWait);
    expect(timing.queuedMs).toBeCloseTo(readingsWait, 0);
    expect(timing.queuedMs).toBeLessThan(statusWait + readingsWait);
  });
});
