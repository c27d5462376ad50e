import { summarize, type Summary } from '../lib/stats';
import type { CallStats } from './worker-protocol';

// Whether the tail is spread over the run or comes from a few bad seconds (a stall: GC, a burst of background
// work), from the p99 of each second's calls.
export type TailBySecond = { seconds: number; medianP99: number; worstP99: number; worstSecond: number; secondsOver100Ms: number };

export type MergedStats = {
  latencyMs: Record<string, Summary>;
  tailBySecond: TailBySecond | null;
  callErrors: Record<string, number>;
  errors: Record<string, number>;
  firstErrors: string[];
};

function addCounts(into: Record<string, number>, from: Record<string, number>) {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function tailBySecond(bySecond: Record<string, number[]>): TailBySecond | null {
  const seconds = Object.keys(bySecond).map(Number).sort((a, b) => a - b);
  if (seconds.length === 0) return null;
  const p99s = seconds.map((second) => summarize(bySecond[second]!).p99);
  const sorted = [...p99s].sort((a, b) => a - b);
  const worst = p99s.indexOf(sorted.at(-1)!);
  return {
    seconds: seconds.length,
    medianP99: sorted[Math.floor((sorted.length - 1) / 2)]!,
    worstP99: sorted.at(-1)!,
    worstSecond: worst + 1,
    secondsOver100Ms: p99s.filter((p99) => p99 > 100).length,
  };
}

export function mergeStats(all: CallStats[]): MergedStats {
  const latencies: Record<string, number[]> = {};
  const bySecond: Record<string, number[]> = {};
  const merged: MergedStats = { latencyMs: {}, tailBySecond: null, callErrors: {}, errors: {}, firstErrors: [] };
  for (const stats of all) {
    for (const [action, list] of Object.entries(stats.latencies)) latencies[action] = (latencies[action] ?? []).concat(list);
    for (const [second, list] of Object.entries(stats.bySecond)) bySecond[second] = (bySecond[second] ?? []).concat(list);
    addCounts(merged.callErrors, stats.callErrors);
    addCounts(merged.errors, stats.errors);
    merged.firstErrors.push(...stats.firstErrors.slice(0, 5 - merged.firstErrors.length));
  }
  const everything = Object.values(latencies).flat();
  for (const [action, list] of Object.entries(latencies)) merged.latencyMs[action] = summarize(list);
  merged.latencyMs.all = summarize(everything);
  merged.tailBySecond = tailBySecond(bySecond);
  return merged;
}

export const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
