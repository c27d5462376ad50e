// What one charger message spent waiting for a group commit (batcher.ts) while it was handled. The OCPP server
// opens one per message and hands its handler a view of the store that names it with every write (timedStore).
// queuedUntil: where the waits counted so far end.
export type StatementTiming = { queuedMs: number; queuedUntil?: number };

// A wait from `from` to `to`. Writes a message sends together wait at the same time: the message waited as long as
// their waits together cover, not their sum, so a part already counted is not counted again.
export function addQueuedWait(timing: StatementTiming, from: number, to: number) {
  const start = Math.max(from, timing.queuedUntil ?? from);
  if (to > start) timing.queuedMs += to - start;
  timing.queuedUntil = Math.max(timing.queuedUntil ?? to, to);
}
