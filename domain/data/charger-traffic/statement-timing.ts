import { AsyncLocalStorage } from 'node:async_hooks';

// What one charger message spent waiting for a group commit (batcher.ts) while it was handled. The OCPP server
// opens one per message; the batcher adds to whichever is open where a write was submitted.
// queuedUntil: where the waits counted so far end.
export type StatementTiming = { queuedMs: number; queuedUntil?: number };

const current = new AsyncLocalStorage<StatementTiming>();

export function withStatementTiming<T>(timing: StatementTiming, work: () => T): T {
  return current.run(timing, work);
}

export function currentStatementTiming(): StatementTiming | undefined {
  return current.getStore();
}

// A wait from `from` to `to`. Writes a message sends together wait at the same time: the message waited as long as
// their waits together cover, not their sum, so a part already counted is not counted again.
export function addQueuedWait(timing: StatementTiming, from: number, to: number) {
  const start = Math.max(from, timing.queuedUntil ?? from);
  if (to > start) timing.queuedMs += to - start;
  timing.queuedUntil = Math.max(timing.queuedUntil ?? to, to);
}
