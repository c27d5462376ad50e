import { summarize, type Summary } from '../lib/stats';
import type { CallStats } from './worker-protocol';

export type MergedStats = {
  latencyMs: Record<string, Summary>;
  callErrors: Record<string, number>;
  errors: Record<string, number>;
  firstErrors: string[];
};

function addCounts(into: Record<string, number>, from: Record<string, number>) {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

export function mergeStats(all: CallStats[]): MergedStats {
  const latencies: Record<string, number[]> = {};
  const merged: MergedStats = { latencyMs: {}, callErrors: {}, errors: {}, firstErrors: [] };
  for (const stats of all) {
    for (const [action, list] of Object.entries(stats.latencies)) latencies[action] = (latencies[action] ?? []).concat(list);
    addCounts(merged.callErrors, stats.callErrors);
    addCounts(merged.errors, stats.errors);
    merged.firstErrors.push(...stats.firstErrors.slice(0, 5 - merged.firstErrors.length));
  }
  const everything = Object.values(latencies).flat();
  for (const [action, list] of Object.entries(latencies)) merged.latencyMs[action] = summarize(list);
  merged.latencyMs.all = summarize(everything);
  return merged;
}

export const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
