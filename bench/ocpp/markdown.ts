import { markdownTable } from '../lib/output';
import type { LoadResult } from './load';
import type { OcppBenchReport } from './run';
import type { PartSummary, ServerMetrics } from './server-metrics';

const ACTIONS = ['BootNotification', 'StatusNotification', 'Heartbeat', 'Authorize', 'StartTransaction', 'MeterValues', 'StopTransaction', 'TransactionEvent', 'all'];

function latencyRows(result: LoadResult) {
  const rows: (string | number)[][] = [];
  for (const action of ACTIONS) {
    const boot = result.connect.latency.latencyMs[action];
    const sessions = result.sessions.latency.latencyMs[action];
    const steady = result.steady.latencyMs[action];
    const stopping = result.stopping.latency.latencyMs[action];
    for (const [phase, summary] of [['connect', boot], ['sessions start', sessions], ['steady', steady], ['sessions stop', stopping]] as const) {
      if (summary && summary.count > 0) rows.push([result.server, phase, action, summary.count, summary.p50, summary.p95, summary.p99, summary.max]);
    }
  }
  return rows;
}

const part = (summary: PartSummary | undefined) => (summary ? `${summary.p50Ms} / ${summary.p99Ms}` : '-');

// The platform's own split of each action's time, from its /metrics (whole run).
function serverSplit(metrics: ServerMetrics | null) {
  if (!metrics) return 'Server-side split: not scraped';
  const actions = Object.entries(metrics.actions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, parts]) => [action, parts.total?.count ?? 0, part(parts.queued), part(parts.database), part(parts.answer), part(parts.total)]);
  const kinds = Object.entries(metrics.groupCommits)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, parts]) => [kind, parts.statement?.count ?? 0, parts.meanBatchSize, part(parts.queued), part(parts.statement)]);
  return [
    `Server-side split from GET /metrics, whole run, p50 / p99 ms (event-loop lag p99 ${metrics.eventLoopLagP99Ms} ms, GC pauses ${metrics.gcPauseSeconds} s in all, at most ${metrics.mostCallsInFlight} calls in flight at once):`,
    '',
    markdownTable(['action', 'answered', 'queued for a group commit', 'in the handler (database)', 'answer (validate, serialise, send)', 'total'], actions),
    '',
    markdownTable(['group commit', 'statements', 'calls per statement', 'wait for the statement', 'statement round trip'], kinds),
  ].join('\n');
}

const coreWait = ({ process }: LoadResult) => (process.eventLoopWaitMsPerSecond === null ? '-' : `${process.eventLoopWaitMsPerSecond}; ${process.eventLoopWaitPerTurnMs}`);

const meterValuesLatency = (result: LoadResult) => {
  const summary = result.steady.latencyMs.MeterValues ?? result.steady.latencyMs.TransactionEvent;
  return summary ? `${summary.p50} / ${summary.p99}` : '-';
};

const tail = (result: LoadResult) => {
  const bySecond = result.steady.tailBySecond;
  return bySecond ? `median ${bySecond.medianP99} ms, worst ${bySecond.worstP99} ms (second ${bySecond.worstSecond}), ${bySecond.secondsOver100Ms} of ${bySecond.seconds} seconds over 100 ms` : '-';
};

const offered = (report: OcppBenchReport) =>
  report.options.closedLoop ? 'closed loop (each charging charger one MeterValues in flight)' : `${report.options.rate} MeterValues/s offered`;

export function ocppMarkdown(report: OcppBenchReport) {
  const { platform, bare, rows, remoteStart, options } = report;
  const summary = markdownTable(
    ['figure', 'platform', 'bare ocpp-rpc'],
    [
      ['chargers connected + booted', `${platform.connect.connected}/${platform.chargers}`, `${bare.connect.connected}/${bare.chargers}`],
      ['connect + boot time (s)', platform.connect.ms / 1000, bare.connect.ms / 1000],
      ['sessions started in (s), failed', `${platform.sessions.started} in ${platform.sessions.ms / 1000}, ${platform.sessions.failed} failed`, `${bare.sessions.started} in ${bare.sessions.ms / 1000}, ${bare.sessions.failed} failed`],
      ['connections held at end', platform.connectionsHeldAtEnd, bare.connectionsHeldAtEnd],
      ['messages/s answered (steady)', platform.steady.messagesPerSecond, bare.steady.messagesPerSecond],
      ['MeterValues/s answered (steady)', platform.steady.meterValuesPerSecond, bare.steady.meterValuesPerSecond],
      ['MeterValues p50 / p99, steady (ms)', meterValuesLatency(platform), meterValuesLatency(bare)],
      ['p99 all messages, steady (ms)', platform.steady.latencyMs.all?.p99 ?? '-', bare.steady.latencyMs.all?.p99 ?? '-'],
      ['p99 of each second, steady', tail(platform), tail(bare)],
      ['CALLERRORs / errors (steady)', `${platform.steady.callErrorCount} / ${platform.steady.errorCount}`, `${bare.steady.callErrorCount} / ${bare.steady.errorCount}`],
      ['server CPU, connect (s)', platform.process.cpuConnectSeconds, bare.process.cpuConnectSeconds],
      ['server CPU, steady (% of one core)', platform.process.cpuSteadyPercent, bare.process.cpuSteadyPercent],
      ['PostgreSQL CPU, steady (% of one core)', platform.process.databaseCpuSteadyPercent ?? '-', bare.process.databaseCpuSteadyPercent ?? '-'],
      ['load generator CPU, steady (% of one core)', platform.process.generatorCpuSteadyPercent, bare.process.generatorCpuSteadyPercent],
      ['server event loop waiting for a core, steady (ms per s; ms per turn on a core)', coreWait(platform), coreWait(bare)],
      ['time any task on the machine waited for a core, steady (PSI some, %)', platform.process.cpuPressurePercent ?? '-', bare.process.cpuPressurePercent ?? '-'],
      ['server RSS once all are connected and booted (MiB)', platform.process.rssAfterConnectMiB, bare.process.rssAfterConnectMiB],
      ['server peak RSS (MiB)', platform.process.peakRssMiB, bare.process.peakRssMiB],
    ],
  );
  const latency = markdownTable(['server', 'phase', 'action', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], [...latencyRows(platform), ...latencyRows(bare)]);
  return [
    `## OCPP load: ${options.chargers} chargers, ${platform.charging} charging (sessions started over ${options.sessionSpreadSeconds ?? (options.closedLoop ? 1 : platform.meterIntervalMs / 1000)} s), ${offered(report)}, ${options.seconds} s`,
    '',
    `**Throughput ratio platform / bare ocpp-rpc: ${report.throughputRatio}**`,
    ...(options.closedLoop ? ['', `**Closed-loop saturation: platform ${platform.steady.meterValuesPerSecond} MeterValues/s, bare ${bare.steady.meterValuesPerSecond} MeterValues/s, ratio ${report.meterValuesRatio}**`] : []),
    '',
    summary,
    '',
    latency,
    '',
    `Remote start (enqueueCommand → charger): ${remoteStart ? `p50 ${remoteStart.p50} ms, p95 ${remoteStart.p95} ms, max ${remoteStart.max} ms over ${remoteStart.count} starts, ${remoteStart.lost} lost; of which writing the command (enqueueCommand, not exclusive) p50 ${remoteStart.queuing.p50} ms, p95 ${remoteStart.queuing.p95} ms` : 'not measured'}`,
    '',
    serverSplit(report.serverMetrics),
    '',
    ...(report.seeded ? [`Seeded before the run: ${report.seeded.meterValues.toLocaleString('en')} meter values (${report.seeded.tableMegabytes} MB with indexes) in ${report.seeded.seconds} s`, ''] : []),
    `Rows written by the run: ${rows.meterValueRows} meter values (answered: ${rows.expectedMeterValueRows}), ${rows.transactionRows} transactions (answered: ${rows.expectedTransactionRows}), ${rows.stoppedTransactionRows} stopped (answered: ${rows.expectedStoppedTransactionRows}), ${rows.ocppMessageRows} in the message log (trimmed per charger): ${rows.isNothingLost ? 'every answered message persisted' : 'ROWS MISSING'}`,
  ].join('\n');
}
