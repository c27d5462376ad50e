import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BatchObserver } from '../../../domain/data/charger-traffic/batched';

// Seconds, from a message answered within half a millisecond to one a charger is about to give up on; closer
// together from 50 ms to 1.5 s, where the targets of issue 23 and today's tails lie.
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.35, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30];
const BATCH_SIZES = [1, 2, 5, 10, 25, 50, 100, 250, 500];

type Observer = { observe(value: number): void };
// The process's call gate (src/ocpp/call-gate.ts) counts the calls in flight and the sockets waiting for it.
type CallCounts = { readonly inFlight: number; readonly waiting: number; takePeak(): number };

export type FinishedMessage = {
  action: string;
  totalMs: number;
  // False when no handler ran (a refused frame, an unknown action): then only the total and the error count count.
  isHandled: boolean;
  queuedMs: number;
  databaseMs: number;
  answerMs: number;
  isError: boolean;
};

export function createOcppMetrics() {
  const registry = new Registry();
  // Process CPU and memory, event-loop lag (nodejs_eventloop_lag_*) and GC pauses (nodejs_gc_duration_seconds).
  collectDefaultMetrics({ register: registry });
  const histogram = (name: string, help: string, labelNames: string[], buckets = SECONDS) => new Histogram({ name, help, labelNames, buckets, registers: [registry] });
  const total = histogram('ocpp_message_seconds', 'Charger call, from its frame read to its answer sent', ['action']);
  const queued = histogram('ocpp_message_queued_seconds', 'Part of a charger call spent waiting for a group-commit statement of its kind', ['action']);
  const database = histogram('ocpp_message_database_seconds', 'Part of a charger call spent in its handler outside group-commit queues: its statements and the JavaScript between them', ['action']);
  const answer = histogram('ocpp_message_answer_seconds', 'Part of a charger call spent validating, serialising and sending its answer', ['action']);
  const errors = new Counter({ name: 'ocpp_message_errors_total', help: 'Charger calls answered with a CALLERROR', labelNames: ['action'], registers: [registry] });
  let countConnected = () => 0;
  let calls: CallCounts = { inFlight: 0, waiting: 0, takePeak: () => 0 };
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('ocpp_messages_in_flight', 'Charger calls read and not yet answered', () => calls.inFlight);
  gauge('ocpp_messages_in_flight_max', 'Most charger calls in flight at once since the previous scrape', () => calls.takePeak());
  gauge('ocpp_chargers_held', 'Charger sockets not read because the calls in flight reached OCPP_MAX_CALLS_IN_FLIGHT', () => calls.waiting);
  gauge('ocpp_connected_chargers', 'Charger sockets held by this process', () => countConnected());
  let backgroundRuns = { inProgress: 0, waiting: 0 };
  new Gauge({
    name: 'ocpp_background_runs',
    help: 'Per-charger background runs (provisioning, local list sync): in progress, and waiting for a slot (OCPP_BACKGROUND_RUNS)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'in_progress' }, backgroundRuns.inProgress);
      this.set({ state: 'waiting' }, backgroundRuns.waiting);
    },
  });
  const batchQueued = histogram('ocpp_group_commit_queued_seconds', 'Wait of each call for the group-commit statement that carried it', ['kind']);
  const batchRun = histogram('ocpp_group_commit_statement_seconds', 'Round trip of each group-commit statement', ['kind']);
  const batchSize = histogram('ocpp_group_commit_batch_size', 'Calls carried by each group-commit statement', ['kind'], BATCH_SIZES);

  const byKind = new Map<string, { queued: Observer; run: Observer; size: Observer }>();
  const observeBatch: BatchObserver = (kind, batch) => {
    let series = byKind.get(kind);
    if (!series) byKind.set(kind, (series = { queued: batchQueued.labels({ kind }), run: batchRun.labels({ kind }), size: batchSize.labels({ kind }) }));
    for (const ms of batch.queuedMs) series.queued.observe(ms / 1000);
    series.run.observe(batch.runMs / 1000);
    series.size.observe(batch.size);
  };

  // One labelled child per action and histogram, made on the action's first call: an observation then costs no
  // label lookup (prom-client hashes the labels object of every plain observe).
  const byAction = new Map<string, ReturnType<typeof actionSeries>>();
  function actionSeries(action: string) {
    const labels = { action };
    return { total: total.labels(labels), queued: queued.labels(labels), database: database.labels(labels), answer: answer.labels(labels), errors: errors.labels(labels) };
  }

  return {
    registry,
    observeBatch,
    countConnectedWith(count: () => number) {
      countConnected = count;
    },
    countBackgroundRunsWith(slots: { inProgress: number; waiting: number }) {
      backgroundRuns = slots;
    },
    countCallsWith(counts: CallCounts) {
      calls = counts;
    },
    finished(message: FinishedMessage) {
      let series = byAction.get(message.action);
      if (!series) byAction.set(message.action, (series = actionSeries(message.action)));
      series.total.observe(message.totalMs / 1000);
      if (message.isHandled) {
        series.queued.observe(message.queuedMs / 1000);
        series.database.observe(message.databaseMs / 1000);
        series.answer.observe(message.answerMs / 1000);
      }
      if (message.isError) series.errors.inc();
    },
  };
}

export type OcppMetrics = ReturnType<typeof createOcppMetrics>;
