// Group commit for the writes every charger makes: calls that arrive while a statement of their kind is in
// flight wait for it and then go together in the next one. A quiet server runs each call on its own, as soon
// as the messages read in the same turn of the event loop are in; a busy one sends hundreds of chargers' rows
// in one round trip instead of one each. Every caller still hears back only after its rows are committed.
import { addQueuedWait, type StatementTiming } from './statement-timing';

export type BatchRun<In, Out> = (inputs: In[]) => Promise<Out[]>;

type Waiting<In, Out> = { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void; submittedAt: number; timing: StatementTiming | undefined };

// Group-commit statements in flight across all kinds of call. PostgreSQL shares the machine's cores with the OCPP
// server; once they are busy, more statements at once do not finish sooner, they only make each batch smaller and
// add a statement's own cost for every few rows: with one lookup fewer per charger event, a fleet of 19,000 took a
// third longer to connect, its batches half the size. Calls wait for a slot instead, and go in larger batches.
// A statement still running after `lendAfterMs` (waiting on a row another transaction holds, or halving a batch
// PostgreSQL refused) gives its slot back, so that it cannot hold up every other kind of call for as long as it waits.
export class StatementSlots {
  private inFlight = 0;
  // The pumps of batchers holding calls for want of a slot, woken first come first served.
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly max: number,
    private readonly lendAfterMs = 1_000,
  ) {}

  // A slot for one statement, or null (and `pump` is called once one is free). Release it once the statement ends.
  take(pump: () => void): { release: () => void } | null {
    if (this.inFlight >= this.max) {
      this.waiting.add(pump);
      return null;
    }
    this.inFlight++;
    let isHeld = true;
    const release = () => {
      clearTimeout(lend);
      if (!isHeld) return;
      isHeld = false;
      this.free();
    };
    const lend = setTimeout(release, this.lendAfterMs);
    lend.unref();
    return { release };
  }

  // Whether every slot is taken and some kind of call waits for one: the chargers' messages are held up by the database.
  get isContended() {
    return this.waiting.size > 0;
  }

  private free() {
    this.inFlight--;
    // A pump that cannot take a slot adds itself again, at the end: the check before each call ends the loop.
    for (const pump of this.waiting) {
      if (this.inFlight >= this.max) return;
      this.waiting.delete(pump);
      pump();
    }
  }
}

type BatcherOptions = {
  maxSize?: number;
  concurrency?: number;
  // Shared by the batchers of one store (StatementSlots); none: only `concurrency` limits them.
  slots?: StatementSlots;
  // Whether the batch failed for what one of its inputs holds (a value the database refuses) rather than for
  // everyone (the database away, a timeout): only then are its halves tried apart.
  isInputError?: (error: unknown) => boolean;
  // Told of each statement: how many calls it carried, how long they had waited for it, and its round trip.
  onBatch?: (batch: { size: number; queuedMs: number[]; runMs: number }) => void;
};

export function createBatcher<In, Out>(run: BatchRun<In, Out>, { maxSize = 500, concurrency = 2, slots, isInputError = () => false, onBatch }: BatcherOptions = {}) {
  let waiting: Waiting<In, Out>[] = [];
  let running = 0;
  let scheduled = false;

  // One charger's bad row must not fail the chargers it happened to share a statement with. Halving finds it in
  // about 2·log2(n) statements, one after another, so a poisoned batch costs little more than a few batches.
  async function runBatch(batch: Waiting<In, Out>[]): Promise<void> {
    const startedAt = performance.now();
    const queuedMs = batch.map((entry) => startedAt - entry.submittedAt);
    batch.forEach((entry) => {
      if (entry.timing) addQueuedWait(entry.timing, entry.submittedAt, startedAt);
      // A half of a refused batch waits again from here, not from the first submit.
      entry.submittedAt = startedAt;
    });
    try {
      const outputs = await run(batch.map((entry) => entry.input));
      onBatch?.({ size: batch.length, queuedMs, runMs: performance.now() - startedAt });
      batch.forEach((entry, index) => entry.resolve(outputs[index]!));
    } catch (error) {
      if (batch.length === 1 || !isInputError(error)) return batch.forEach((entry) => entry.reject(error));
      const half = Math.ceil(batch.length / 2);
      await runBatch(batch.slice(0, half));
      await runBatch(batch.slice(half));
    }
  }

  function pump() {
    scheduled = false;
    while (running < concurrency && waiting.length > 0) {
      const slot = slots?.take(pump);
      if (slot === null) return;
      const batch = waiting.length <= maxSize ? waiting : waiting.slice(0, maxSize);
      waiting = batch === waiting ? [] : waiting.slice(maxSize);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        slot?.release();
        pump();
      });
    }
  }

  // `timing`: the charger message this write is for, whose wait for the statement is added to it.
  function submitTimed(input: In, timing: StatementTiming | undefined): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject, submittedAt: performance.now(), timing });
      if (!scheduled && running < concurrency) {
        scheduled = true;
        setImmediate(pump);
      }
    });
  }
  // One parameter only, so that passing it along as a callback (`.map(submit)`) cannot take an index for a timing.
  const submit = (input: In) => submitTimed(input, undefined);
  return Object.assign(submit, { timed: submitTimed });
}
