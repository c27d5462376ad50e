import { markdownTable } from '../lib/output';
import type { PartSummary } from './server-metrics';
import type { ServerFigures, SweepReport } from './sweep';

const ms = (value: number | null) => value ?? '-';
const part = (summary: PartSummary | undefined) => (summary ? `${summary.p50Ms} / ${summary.p99Ms}` : '-');
const failures = (figures: ServerFigures) => figures.callErrors + figures.errors;

export function sweepMarkdown(report: SweepReport, chartPath: string | null) {
  const { options, saturation, steps } = report;
  const closed = markdownTable(
    ['closed loop', 'MeterValues/s', 'p50 ms', 'p99 ms', 'CALLERRORs + errors'],
    [
      ['platform', saturation.platform.achievedPerSecond, ms(saturation.platform.p50Ms), ms(saturation.platform.p99Ms), failures(saturation.platform)],
      ['bare ocpp-rpc', saturation.bare.achievedPerSecond, ms(saturation.bare.p50Ms), ms(saturation.bare.p99Ms), failures(saturation.bare)],
    ],
  );
  const sweep = markdownTable(
    ['step', 'offered MV/s', 'platform MV/s', 'platform p50 ms', 'platform p99 ms', 'bare MV/s', 'bare p50 ms', 'bare p99 ms', 'p99 platform / bare'],
    steps.map((step) => [
      `${step.share * 100} %`,
      step.offeredPerSecond,
      step.platform.achievedPerSecond,
      ms(step.platform.p50Ms),
      ms(step.platform.p99Ms),
      step.bare.achievedPerSecond,
      ms(step.bare.p50Ms),
      ms(step.bare.p99Ms),
      step.platform.p99Ms !== null && step.bare.p99Ms ? Math.round((step.platform.p99Ms / step.bare.p99Ms) * 10) / 10 : '-',
    ]),
  );
  const split = markdownTable(
    ['step', 'MeterValues answered', 'queued for a group commit', 'in the handler (database)', 'answer (validate, serialise, send)', 'total'],
    steps.map((step) => [`${step.share * 100} %`, step.split.total?.count ?? 0, part(step.split.queued), part(step.split.database), part(step.split.answer), part(step.split.total)]),
  );
  return [
    `## OCPP latency against offered load: ${options.chargers} chargers, ${Math.round(options.chargers * options.chargingShare)} charging, ${options.saturationSeconds} s saturation, ${options.stepSeconds} s a step`,
    '',
    `**Closed-loop saturation ratio platform / bare ocpp-rpc: ${saturation.ratio}**`,
    '',
    closed,
    '',
    'Open loop at shares of the platform\'s saturation (MeterValues, steady phase, as the chargers timed them):',
    '',
    sweep,
    '',
    'The platform\'s own split of each MeterValues at each step, from its GET /metrics, p50 / p99 ms:',
    '',
    split,
    ...(chartPath ? ['', `Chart (p99 against offered load): ${chartPath}`] : []),
  ].join('\n');
}
