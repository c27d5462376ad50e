import { AsyncLocalStorage } from 'node:async_hooks';

// What one charger message spent waiting for a group commit (batcher.ts) while it was handled. The OCPP server
// opens one per message; the batcher adds to whichever is open where a write was submitted.
export type StatementTiming = { queuedMs: number };

const current = new AsyncLocalStorage<StatementTiming>();

export function withStatementTiming<T>(timing: StatementTiming, work: () => T): T {
  return current.run(timing, work);
}

export function currentStatementTiming(): StatementTiming | undefined {
  return current.getStore();
}
