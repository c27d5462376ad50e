import { describe, expect, it } from 'vitest';
import { circuitMarkdown } from './circuit/markdown';
import { runCircuitBench } from './circuit/run';

// Keeps `npm run bench:circuit` from rotting: the same code at a tiny size, checking what the report counts, not its
// speed.
describe('circuit benchmark smoke run', () => {
  it('measures every start, stop, capacity change and meter-feed jump on a small circuit, each moving chargers', { timeout: 120_000 }, async () => {
    const report = await runCircuitBench({ chargers: 6, capacityA: 24, starts: 4, stops: 2, changes: 2 }, () => {});

    expect([report.started.count, report.stopped.count, report.capacity.count, report.feed.count]).toEqual([4, 2, 2, 2]);
    // A capacity change moves every charger's static share; the fourth start on 24 A lowers the three before it.
    expect(report.capacity.chargersPerReplan.max).toBe(6);
    expect(report.started.chargersPerReplan.max).toBe(4);
    // 1.5 fuses imported leaves the chargers at most half the fuse, and none imported gives it back: both move them.
    expect(report.feed.withoutChange).toBe(0);
    expect(circuitMarkdown(report)).toContain('meter-feed jump');
  });
});
