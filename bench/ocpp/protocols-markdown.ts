import { markdownTable } from '../lib/output';
import { ocppMarkdown } from './markdown';
import type { OcppBenchReport } from './run';

// One fleet per OCPP version, same size and load: their headline figures side by side, then each run's full report.
export function protocolsMarkdown(reports: OcppBenchReport[]) {
  const column = (pick: (report: OcppBenchReport) => string | number) => reports.map(pick);
  const side = markdownTable(
    ['figure (platform)', ...reports.map((report) => `OCPP ${report.options.ocpp}`)],
    [
      ['chargers connected + booted', ...column((report) => `${report.platform.connect.connected}/${report.platform.chargers}`)],
      ['connect + boot time (s)', ...column((report) => report.platform.connect.ms / 1000)],
      ['sessions started, failed', ...column((report) => `${report.platform.sessions.started}, ${report.platform.sessions.failed} failed`)],
      ['messages/s answered (steady)', ...column((report) => report.platform.steady.messagesPerSecond)],
      ['p99 all messages, steady (ms)', ...column((report) => report.platform.steady.latencyMs.all?.p99 ?? '-')],
      ['CALLERRORs / errors (steady)', ...column((report) => `${report.platform.steady.callErrorCount} / ${report.platform.steady.errorCount}`)],
      ['throughput ratio platform / bare ocpp-rpc', ...column((report) => report.throughputRatio)],
      ['server CPU, steady (% of one core)', ...column((report) => report.platform.process.cpuSteadyPercent)],
      ['server peak RSS (MiB)', ...column((report) => report.platform.process.peakRssMiB)],
      ['every answered message persisted', ...column((report) => (report.rows.isNothingLost ? 'yes' : 'ROWS MISSING'))],
    ],
  );
  if (reports.length === 1) return ocppMarkdown(reports[0]!);
  return [`## OCPP load by protocol`, '', side, ...reports.flatMap((report) => ['', `# OCPP ${report.options.ocpp} fleet`, '', ocppMarkdown(report)])].join('\n');
}
