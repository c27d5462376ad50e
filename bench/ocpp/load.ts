import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild, track } from '../lib/children';
import { coreWaitFigures, sampleCoreWaits } from '../lib/core-waits';
import { mib, sampleProcess, treeCpuSeconds } from '../lib/proc';
import { mergeStats, total } from './merge-stats';
import { assertAlive, type SpawnedServer } from './servers';
import type { BenchProtocol, WorkerCharging, WorkerConnected, WorkerMessage, WorkerResult } from './worker-protocol';

export type LoadOptions = {
  ocpp: BenchProtocol;
  identities: string[];
  charging: string[];
  idTag: string;
  rate: number;
  // Each charging charger keeps one MeterValues in flight instead of sending at `rate` (1.6 fleets).
  closedLoop: boolean;
  seconds: number;
  workers: number;
  heartbeatSeconds: number;
  // Over how long the sessions start; null: one meter interval.
  sessionSpreadSeconds: number | null;
  // The database's postmaster, whose backends' CPU is reported beside the server's (null: a database not started here).
  databasePid: number | null;
  // Runs alongside the steady phase (remote starts); stops when the signal aborts.
  duringSteady?: (signal: AbortSignal) => Promise<void>;
};

// Generous: the figure to report is how long it took, which the issue wants under 60 s.
const CONNECT_TIMEOUT_MS = 600_000;
const RESULT_TIMEOUT_MS = 60_000;
const CLOSED_LOOP_INTERVAL_MS = 3_600_000;
const CLOSED_LOOP_SPREAD_MS = 1000;

function spawnWorker() {
  return track(fork('bench/ocpp/load-worker.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true }));
}

function nextMessage<T extends WorkerMessage>(worker: ChildProcess, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load worker sent no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(message as T);
    };
    worker.on('message', onMessage);
    worker.once('exit', (code) => reject(new Error(`load worker exited with ${code} before ${type}`)));
  });
}

const share = <T>(items: T[], index: number, count: number) => items.filter((_, position) => position % count === index);

export async function runLoad(server: SpawnedServer, options: LoadOptions) {
  const charging = new Set(options.charging);
  // In a closed loop the simulator's own sampling stays out of it (an hour apart); the sessions start over a second.
  const meterIntervalMs = options.closedLoop ? CLOSED_LOOP_INTERVAL_MS : Math.max(10, Math.round((charging.size * 1000) / Math.max(options.rate, 0.001)));
  if (options.closedLoop && options.ocpp !== '1.6') throw new Error('the closed loop drives 1.6 fleets (MeterValues)');
  const workers = Array.from({ length: options.workers }, spawnWorker);
  try {
    const cpuBefore = sampleProcess(server.pid).cpuSeconds;
    const connected = workers.map((worker) => nextMessage<WorkerConnected>(worker, 'connected', CONNECT_TIMEOUT_MS));
    workers.forEach((worker, index) => {
      const identities = share(options.identities, index, options.workers);
      worker.send({
        type: 'start',
        ocpp: options.ocpp,
        url: `ws://127.0.0.1:${server.port}/ocpp`,
        identities,
        charging: identities.filter((identity) => charging.has(identity)),
        idTag: options.idTag,
        meterIntervalMs,
        heartbeatIntervalMs: options.heartbeatSeconds * 1000,
        connectConcurrency: 100,
      });
    });
    const connectBegan = performance.now();
    const booted = await Promise.all(connected);
    const connectMs = performance.now() - connectBegan;
    const afterConnect = sampleProcess(server.pid);

    const spreadMs = options.sessionSpreadSeconds !== null ? options.sessionSpreadSeconds * 1000 : options.closedLoop ? CLOSED_LOOP_SPREAD_MS : meterIntervalMs;
    const charged = workers.map((worker) => nextMessage<WorkerCharging>(worker, 'charging', spreadMs + CONNECT_TIMEOUT_MS));
    for (const worker of workers) worker.send({ type: 'charge', spreadMs });
    const sessionsBegan = performance.now();
    const sessions = await Promise.all(charged);
    const sessionsMs = performance.now() - sessionsBegan;

    const results = workers.map((worker) => nextMessage<WorkerResult>(worker, 'result', RESULT_TIMEOUT_MS + options.seconds * 1000));
    for (const worker of workers) worker.send({ type: 'steady', closedLoop: options.closedLoop });
    const steady = new AbortController();
    const side = options.duringSteady?.(steady.signal);
    const steadyCounters = () => ({
      database: options.databasePid === null ? null : treeCpuSeconds(options.databasePid),
      generator: workers.reduce((sum, worker) => sum + sampleProcess(worker.pid!).cpuSeconds, 0),
      coreWaits: sampleCoreWaits(server.pid),
    });
    const countersBeforeSteady = steadyCounters();
    const steadyBegan = performance.now();
    await sleep(options.seconds * 1000);
    const steadyMs = performance.now() - steadyBegan;
    const afterSteady = sampleProcess(server.pid);
    const countersAfterSteady = steadyCounters();
    steady.abort();
    await side;
    for (const worker of workers) worker.send({ type: 'stop' });
    const finished = await Promise.all(results);
    assertAlive(server);
    const final = sampleProcess(server.pid);

    const steadyStats = mergeStats(finished.map((result) => result.steady));
    const answered = finished.reduce((sum, result) => sum + result.answeredAtStop, 0);
    return {
      server: server.kind,
      ocpp: options.ocpp,
      chargers: options.identities.length,
      charging: charging.size,
      meterIntervalMs,
      closedLoop: options.closedLoop,
      offeredMeterValuesPerSecond: options.closedLoop ? null : options.rate,
      connect: {
        ms: Math.round(connectMs),
        connected: booted.reduce((sum, result) => sum + result.connected, 0),
        failed: booted.reduce((sum, result) => sum + result.failed, 0),
        latency: mergeStats(booted.map((result) => result.boot)),
      },
      sessions: {
        ms: Math.round(sessionsMs),
        started: sessions.reduce((sum, result) => sum + result.started, 0),
        failed: sessions.reduce((sum, result) => sum + result.failed, 0),
        latency: mergeStats(sessions.map((result) => result.sessions)),
      },
      steady: {
        seconds: Math.round(steadyMs / 100) / 10,
        answered,
        messagesPerSecond: Math.round(answered / (steadyMs / 1000)),
        meterValuesPerSecond: Math.round(((steadyStats.latencyMs.MeterValues?.count ?? 0) + (steadyStats.latencyMs.TransactionEvent?.count ?? 0)) / (steadyMs / 1000)),
        ...steadyStats,
        callErrorCount: total(steadyStats.callErrors),
        errorCount: total(steadyStats.errors),
      },
      stopping: { latency: mergeStats(finished.map((result) => result.stopping)) },
      connectionsHeldAtEnd: finished.reduce((sum, result) => sum + result.connectedAtEnd, 0),
      meterValuesAnswered: finished.reduce((sum, result) => sum + result.meterValuesAnswered, 0),
      startsAnswered: finished.reduce((sum, result) => sum + result.startsAnswered, 0),
      stopsAnswered: finished.reduce((sum, result) => sum + result.stopsAnswered, 0),
      undrainedQueues: finished.reduce((sum, result) => sum + result.undrained, 0),
      process: {
        cpuConnectSeconds: Math.round((afterConnect.cpuSeconds - cpuBefore) * 10) / 10,
        cpuSteadyPercent: Math.round(((afterSteady.cpuSeconds - afterConnect.cpuSeconds) / (steadyMs / 1000)) * 100),
        databaseCpuSteadyPercent:
          countersAfterSteady.database === null || countersBeforeSteady.database === null ? null : Math.round(((countersAfterSteady.database - countersBeforeSteady.database) / (steadyMs / 1000)) * 100),
        generatorCpuSteadyPercent: Math.round(((countersAfterSteady.generator - countersBeforeSteady.generator) / (steadyMs / 1000)) * 100),
        ...coreWaitFigures(countersBeforeSteady.coreWaits, countersAfterSteady.coreWaits, steadyMs),
        rssAfterConnectMiB: mib(afterConnect.rssBytes),
        peakRssMiB: mib(final.peakRssBytes),
      },
    };
  } finally {
    await Promise.all(workers.map((worker) => stopChild(worker, 2000)));
  }
}

export type LoadResult = Awaited<ReturnType<typeof runLoad>>;
