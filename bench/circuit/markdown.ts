import { markdownTable } from '../lib/output';
import type { CircuitBenchReport } from './run';

type Figures = CircuitBenchReport['started'];

const row = (cause: string, figures: Figures) => [cause, figures.count, figures.withoutChange, figures.p50, figures.p95, figures.max, `${figures.chargersPerReplan.p50} / ${figures.chargersPerReplan.max}`];

// The time from a cause to the last affected charger's acceptance of its new charging profile, per cause.
export function circuitMarkdown({ options, started, stopped, capacity, feed }: CircuitBenchReport) {
  const rows = [row('StartTransaction', started), row('StopTransaction', stopped), row('capacity change (as the web app saves it)', capacity), row('meter-feed jump (1.5 fuses imported, and none)', feed)];
  const table = markdownTable(['cause', 'replans', 'no profile changed', 'p50 ms', 'p95 ms', 'max ms', 'chargers changed p50 / max'], rows);
  const target = `p95 from a StartTransaction: ${started.p95} ms (target < 2000 ms)`;
  return `## Circuit rebalancing: ${options.chargers} chargers on one ${options.capacityA} A circuit\n\n${table}\n\n${target}`;
}
