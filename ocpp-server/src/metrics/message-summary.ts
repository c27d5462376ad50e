import type { Logger } from '../logger';
import type { FinishedMessage } from './registry';

// Durations kept per action between two summary lines; past this, a uniform sample of them (reservoir), so a
// flood costs bounded memory and the p99 stays an estimate of all of them.
const SAMPLE_SIZE = 10_000;

type ActionWindow = { count: number; errors: number; sample: number[] };

// Nearest rank, over the durations sorted once.
function quantile(sorted: number[], share: number) {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * share) - 1))]! * 10) / 10;
}

// Replaces the info line each message used to log: one line every interval with, per action, how many calls
// were answered, their p50 and p99 in ms and how many were CALLERRORs. Quiet intervals log nothing.
export function createMessageSummary() {
  let windows = new Map<string, ActionWindow>();
  return {
    add({ action, totalMs, isError }: FinishedMessage) {
      let window = windows.get(action);
      if (!window) windows.set(action, (window = { count: 0, errors: 0, sample: [] }));
      window.count++;
      if (isError) window.errors++;
      if (window.sample.length < SAMPLE_SIZE) window.sample.push(totalMs);
      else {
        const slot = Math.floor(Math.random() * window.count);
        if (slot < SAMPLE_SIZE) window.sample[slot] = totalMs;
      }
    },
    take() {
      const taken = windows;
      windows = new Map();
      const actions: Record<string, { count: number; p50Ms: number; p99Ms: number; errors: number }> = {};
      for (const [action, window] of [...taken].sort(([a], [b]) => a.localeCompare(b))) {
        const sorted = window.sample.sort((a, b) => a - b);
        actions[action] = { count: window.count, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), errors: window.errors };
      }
      return actions;
    },
  };
}

export type MessageSummary = ReturnType<typeof createMessageSummary>;

type SummaryLogOptions = { summary: MessageSummary; log: Logger; everyMs: number; countConnected: () => number };

// The line also tells how many chargers this process holds at its end, so an operator sees a fleet come and go.
export function startMessageSummaryLog({ summary, log, everyMs, countConnected }: SummaryLogOptions) {
  let windowStartedAt = Date.now();
  function emit() {
    const actions = summary.take();
    const seconds = Math.round((Date.now() - windowStartedAt) / 100) / 10;
    windowStartedAt = Date.now();
    if (Object.keys(actions).length === 0) return;
    const messages = Object.values(actions).reduce((sum, entry) => sum + entry.count, 0);
    log.info({ seconds, chargers: countConnected(), messages, actions }, 'charger messages answered');
  }
  const timer = setInterval(emit, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      emit();
    },
  };
}
