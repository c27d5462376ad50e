import { markdownTable } from '../lib/output';
import type { WebBenchReport } from './run';

export function webMarkdown(report: WebBenchReport) {
  const { sizes } = report.options;
  const pages = markdownTable(
    ['page', 'status', 'p50 ms', 'p95 ms', 'max ms', 'queries/request', 'parses/request', 'KiB'],
    report.pages.map((page) => [page.name, page.statuses.join(','), page.ms.p50, page.ms.p95, page.ms.max, page.queriesPerRequest, page.parsesPerRequest, Math.round(page.bytes / 1024)]),
  );
  const exports = markdownTable(
    ['export run', 'status', 'seconds', 'lines', 'MiB', 'server RSS before (MiB)', 'server RSS peak (MiB)'],
    report.exports.map((run, index) => [index + 1, run.status, run.ms / 1000, run.lines, Math.round(run.bytes / 1024 / 1024), run.rssBeforeMiB, run.rssPeakMiB]),
  );
  return [
    `## Web: ${sizes.chargers} chargers, ${sizes.sessions} sessions, ${sizes.sessions * sizes.meterValuesPerSession} meter values (seeded in ${report.seedSeconds} s)`,
    '',
    `${report.options.iterations} sequential requests per page after ${report.options.warmup} warm-up; queries counted on the ${report.queryCounting}.`,
    '',
    pages,
    '',
    exports,
  ].join('\n');
}
