// One load generator process of `npm run bench:ocpp`: drives its share of simulated chargers, times every call.
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedCharger } from '../../ocpp-server/simulator/simulated-charger';
import { emptyStats, recordCalls } from './call-recorder';
import type { ParentMessage, WorkerMessage, WorkerStart } from './worker-protocol';

const DRAIN_MS = 15_000;
let stats = emptyStats();
let chargers: SimulatedCharger[] = [];
let charging: SimulatedCharger[] = [];
let idTag = '';
let meterIntervalMs = 0;

const send = (message: WorkerMessage) => process.send!(message);

async function startAll(chargersToStart: SimulatedCharger[], concurrency: number) {
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
  meterIntervalMs = message.meterIntervalMs;
  const chargingSet = new Set(message.charging);
  chargers = message.identities.map((identity) => {
    const charger = new SimulatedCharger({
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
  charging = chargers.filter((charger) => chargingSet.has(charger.identity));
  const began = performance.now();
  const failed = await startAll(chargers, message.connectConcurrency);
  send({ type: 'connected', connected: chargers.length - failed, failed, ms: performance.now() - began, boot: stats });
}

// Spread over one meter interval, as sessions of a real fleet begin at unrelated times, not in one burst.
async function charge(spreadMs: number) {
  stats = emptyStats();
  await Promise.allSettled(
    charging.map(async (charger) => {
      await sleep(Math.random() * spreadMs);
      await charger.startSession(1, idTag);
    }),
  );
}

async function stop() {
  const answeredAtStop = Object.values(stats.latencies).reduce((sum, list) => sum + list.length, 0);
  for (const charger of charging) void charger.stopSession(1);
  const drained = await Promise.allSettled(charging.map((charger) => charger.queue.drained(DRAIN_MS)));
  const latencies = stats.latencies;
  send({
    type: 'result',
    steady: stats,
    answeredAtStop,
    connectedAtEnd: chargers.filter((charger) => charger.isConnected).length,
    meterValuesAnswered: latencies.MeterValues?.length ?? 0,
    startsAnswered: latencies.StartTransaction?.length ?? 0,
    stopsAnswered: latencies.StopTransaction?.length ?? 0,
    undrained: drained.filter((result) => result.status === 'rejected').length,
  });
  await Promise.allSettled(chargers.map((charger) => charger.stop()));
  process.exit(0);
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') void start(message);
  if (message.type === 'charge') void charge(meterIntervalMs);
  if (message.type === 'stop') void stop();
});
process.on('disconnect', () => process.exit(0));
