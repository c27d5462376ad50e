// Group commit for the writes every charger makes: calls that arrive while a statement of their kind is in
// flight wait for it and then go together in the next one. A quiet server runs each call on its own, as soon
// as the messages read in the same turn of the event loop are in; a busy one sends hundreds of chargers' rows
// in one round trip instead of one each. Every caller still hears back only after its rows are committed.
export type BatchRun<In, Out> = (inputs: In[]) => Promise<Out[]>;

type Waiting<In, Out> = { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void };

type BatcherOptions = {
  maxSize?: number;
  concurrency?: number;
  // Whether the batch failed for what one of its inputs holds (a value the database refuses) rather than for
  // everyone (the database away, a timeout): only then are its halves tried apart.
  isInputError?: (error: unknown) => boolean;
};

export function createBatcher<In, Out>(run: BatchRun<In, Out>, { maxSize = 500, concurrency = 2, isInputError = () => false }: BatcherOptions = {}) {
  let waiting: Waiting<In, Out>[] = [];
  let running = 0;
  let scheduled = false;

  // One charger's bad row must not fail the chargers it happened to share a statement with. Halving finds it in
  // about 2·log2(n) statements, one after another, so a poisoned batch costs little more than a few batches.
  async function runBatch(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await run(batch.map((entry) => entry.input));
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
      const batch = waiting.length <= maxSize ? waiting : waiting.slice(0, maxSize);
      waiting = batch === waiting ? [] : waiting.slice(maxSize);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return function submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!scheduled && running < concurrency) {
        scheduled = true;
        setImmediate(pump);
      }
    });
  };
}
