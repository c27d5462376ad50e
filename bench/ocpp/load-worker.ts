// One load generator process of `npm run bench:ocpp`: drives its share of simulated chargers, times every call.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedCharger } from '../../ocpp-server/simulator/simulated-charger';
import { SimulatedCharger201 } from '../../ocpp-server/simulator/v201/simulated-charger-201';
import { emptyStats, recordCalls } from './call-recorder';
import type { ParentMessage, WorkerMessage, WorkerStart } from './worker-protocol';

const DRAIN_MS = 15_000;
const SESSION_START_TIMEOUT_MS = 120_000;
const CLOSED_LOOP_RETRY_MS = 100;
let stats = emptyStats();
// The calls of the session start phase, before the steady phase's `stats`.
let sessions = emptyStats();
type BenchCharger = SimulatedCharger | SimulatedCharger201;
let chargers: BenchCharger[] = [];
let charging: BenchCharger[] = [];
let idTag = '';
// Closed loop: each charging charger's one MeterValues in flight, until stop.
let isLooping = false;
let loops: Promise<void>[] = [];

// Resolves once the message is handed to the IPC channel: exiting before that loses it.
const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));

const identityOf = (charger: BenchCharger) => (charger instanceof SimulatedCharger201 ? charger.options.identity : charger.identity);
const queueOf = (charger: BenchCharger) => (charger instanceof SimulatedCharger201 ? charger.transactionEvents : charger.queue);

async function startAll(chargersToStart: BenchCharger[], concurrency: number) {
  let next = 0;
  let failed = 0;
  async function lane() {
    while (next < chargersToStart.length) {
      const charger = chargersToStart[next++]!;
      await charger.start().catch(() => failed++);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return failed;
}

async function start(message: WorkerStart) {
  idTag = message.idTag;
  const chargingSet = new Set(message.charging);
  chargers = message.identities.map((identity) => {
    // A 2.0.1 station: BootNotification, StatusNotification per EVSE, Authorize, TransactionEvents carrying its
    // readings, and a Heartbeat at the interval its boot was given.
    const charger: BenchCharger =
      message.ocpp === '2.0.1'
        ? new SimulatedCharger201({ url: message.url, identity, evses: 2, meterIntervalMs: message.meterIntervalMs })
        : new SimulatedCharger({
      url: message.url,
      identity,
      connectors: 2,
      meterIntervalMs: message.meterIntervalMs,
      heartbeatIntervalMs: message.heartbeatIntervalMs,
            callTimeoutMs: 30_000,
          });
    recordCalls(charger.client, () => stats);
    return charger;
  });
  charging = chargers.filter((charger) => chargingSet.has(identityOf(charger)));
  const began = performance.now();
  const failed = await startAll(chargers, message.connectConcurrency);
  send({ type: 'connected', connected: chargers.length - failed, failed, ms: performance.now() - began, boot: stats });
}

// Spread over `spreadMs` (one meter interval unless --session-spread says otherwise), as sessions of a real fleet
// begin at unrelated times, not in one burst. The steady phase is timed from when every session has started.
async function charge(spreadMs: number) {
  stats = emptyStats();
  const began = performance.now();
  const outcomes = await Promise.allSettled(
    charging.map(async (charger) => {
      await sleep(Math.random() * spreadMs);
      const started = once(charger, 'transactionStarted', { signal: AbortSignal.timeout(SESSION_START_TIMEOUT_MS) });
      const accepted = charger.startSession(1, idTag).then((isAccepted) => {
        if (!isAccepted) throw new Error(`${identityOf(charger)}: idTag not accepted`);
      });
      await Promise.all([started, accepted]);
    }),
  );
  const started = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
  send({ type: 'charging', started, failed: outcomes.length - started, ms: performance.now() - began, sessions: stats });
}

// Sends the next reading as soon as the last is answered, so the server sets the pace. After a failed call (counted
// by the recorder) it waits a moment: a charger whose connection dropped fails at once, and would spin.
async function closedLoop(charger: SimulatedCharger) {
  while (isLooping) {
    const isAnswered = await charger.trigger('MeterValues', 1).then(() => true, () => false);
    if (!isAnswered) await sleep(CLOSED_LOOP_RETRY_MS);
  }
}

// Every worker begins the steady phase together, once all sessions of all workers have started.
function beginSteady(isClosedLoop: boolean) {
  sessions = stats;
  stats = emptyStats();
  if (!isClosedLoop) return;
  isLooping = true;
  loops = charging.filter((charger) => charger instanceof SimulatedCharger).map(closedLoop);
}

// The steady phase ends here; the StopTransactions and what the chargers still had queued are their own phase.
async function stop() {
  isLooping = false;
  // The readings still in flight are answered in the steady phase they were sent in.
  await Promise.all(loops);
  const steady = stats;
  const answeredAtStop = Object.values(steady.latencies).reduce((sum, list) => sum + list.length, 0);
  stats = emptyStats();
  for (const charger of charging) void charger.stopSession(1);
  const drained = await Promise.allSettled(charging.map((charger) => queueOf(charger).drained(DRAIN_MS)));
  const answeredSince = (action: string) => [sessions, steady, stats].reduce((sum, phase) => sum + (phase.latencies[action]?.length ?? 0), 0);
  // 2.0.1 has one TransactionEvent for all three; each carries the readings a MeterValues would.
  const events = (eventType: 'Started' | 'Updated' | 'Ended') => charging.reduce((sum, charger) => sum + (charger instanceof SimulatedCharger201 ? charger.transactionEvents.delivered[eventType] : 0), 0);
  await send({
    type: 'result',
    steady,
    stopping: stats,
    answeredAtStop,
    connectedAtEnd: chargers.filter((charger) => charger.isConnected).length,
    meterValuesAnswered: answeredSince('MeterValues') + answeredSince('TransactionEvent'),
    startsAnswered: answeredSince('StartTransaction') + events('Started'),
    stopsAnswered: answeredSince('StopTransaction') + events('Ended'),
    undrained: drained.filter((result) => result.status === 'rejected').length,
  });
  await Promise.allSettled(chargers.map((charger) => charger.stop()));
  process.exit(0);
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') void start(message);
  if (message.type === 'charge') void charge(message.spreadMs);
  if (message.type === 'steady') beginSteady(message.closedLoop);
  if (message.type === 'stop') void stop();
});
process.on('disconnect', () => process.exit(0));
