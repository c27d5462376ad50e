import { describe, expect, it } from 'vitest';
import { ocppMarkdown } from './ocpp/markdown';
import { protocolsMarkdown } from './ocpp/protocols-markdown';
import { runOcppBench } from './ocpp/run';

// Keeps `npm run bench:ocpp` from rotting: the same code at a tiny size, checking the report's shape, not its speed.
describe('OCPP benchmark smoke run', () => {
  it('reports connect, session starts, throughput, latency, remote start and rows for a small load on both servers', { timeout: 90_000 }, async () => {
    // On a table that already holds a history: three seeded sessions of 1,200 readings, which the row check leaves out.
    const report = await runOcppBench({ ocpp: '1.6', chargers: 20, rate: 20, closedLoop: false, seconds: 3, chargingShare: 0.2, workers: 2, heartbeatSeconds: 1, remoteStartGapMs: 50, sessionSpreadSeconds: null, seedMeterValues: 3000 }, () => {});
    expect(report.seeded!.meterValues).toBe(3600);

    for (const result of [report.platform, report.bare]) {
      expect(result.connect.connected).toBe(20);
      expect(result.connectionsHeldAtEnd).toBe(20);
      expect(result.sessions.started).toBe(result.charging);
      expect(result.sessions.latency.latencyMs.StartTransaction!.count).toBe(result.charging);
      expect(result.stopping.latency.latencyMs.StopTransaction!.count).toBe(result.charging);
      expect(result.steady.messagesPerSecond).toBeGreaterThan(0);
      expect(result.steady.errorCount).toBe(0);
      expect(result.steady.latencyMs.MeterValues!.count).toBeGreaterThan(0);
      expect(result.process.peakRssMiB).toBeGreaterThan(10);
      expect(result.process.cpuSteadyPercent).toBeGreaterThanOrEqual(0);
      // The simulated chargers send their readings through the steady phase.
      expect(result.process.generatorCpuSteadyPercent).toBeGreaterThan(0);
      // From /proc (bench/lib/core-waits.ts): a figure, or null on a kernel that keeps no such count; never NaN.
      for (const figure of [result.process.eventLoopWaitMsPerSecond, result.process.eventLoopWaitPerTurnMs, result.process.cpuPressurePercent]) {
        if (figure !== null) expect(figure).toBeGreaterThanOrEqual(0);
      }
      // Three seconds of steady load, each with its own p99; the worst is the largest of them.
      const tail = result.steady.tailBySecond!;
      expect(tail.seconds).toBeGreaterThanOrEqual(3);
      expect(tail.worstP99).toBeGreaterThanOrEqual(tail.medianP99);
      expect(tail.worstP99).toBeLessThanOrEqual(result.steady.latencyMs.all!.max);
    }
    // Only the platform writes the readings: PostgreSQL works through its steady phase.
    expect(report.platform.process.databaseCpuSteadyPercent).toBeGreaterThan(0);
    expect(report.throughputRatio).toBeGreaterThan(0);
    expect(report.remoteStart!.count).toBeGreaterThan(0);
    expect(report.remoteStart!.lost).toBe(0);
    expect(report.rows.isNothingLost).toBe(true);
    expect(report.rows.meterValueRows).toBeGreaterThan(0);
    expect(report.rows.ocppMessageRows).toBeGreaterThan(0);
    // The platform's own split of each action's time, read from its /metrics at the end of the run.
    expect(report.serverMetrics!.actions.MeterValues!.total!.count).toBeGreaterThan(0);
    expect(report.serverMetrics!.actions.StartTransaction!.queued!.count).toBe(report.platform.charging);
    expect(report.serverMetrics!.groupCommits.recordMeterValues!.statement!.count).toBeGreaterThan(0);
    expect(ocppMarkdown(report)).toContain('Throughput ratio');
    expect(ocppMarkdown(report)).toContain('Server-side split from GET /metrics');
    expect(ocppMarkdown(report)).toMatch(/\| server event loop waiting for a core, steady \(ms per s; ms per turn on a core\) \| ([\d.]+; [\d.]+|-) \|/);
    expect(ocppMarkdown(report)).toMatch(/\| p99 of each second, steady \| median [\d.]+ ms, worst [\d.]+ ms \(second \d+\), \d+ of \d+ seconds over 100 ms \|/);
    expect(ocppMarkdown(report)).toContain('Seeded before the run: 3,600 meter values');
  });

  it('drives a 2.0.1 fleet the same way: TransactionEvents for starts, readings and stops, every one persisted', { timeout: 90_000 }, async () => {
    const report = await runOcppBench({ ocpp: '2.0.1', chargers: 20, rate: 20, closedLoop: false, seconds: 3, chargingShare: 0.2, workers: 2, heartbeatSeconds: 1, remoteStartGapMs: 50, sessionSpreadSeconds: null, seedMeterValues: 0 }, () => {});

    for (const result of [report.platform, report.bare]) {
      expect(result.ocpp).toBe('2.0.1');
      expect(result.connect.connected).toBe(20);
      expect(result.connect.latency.latencyMs.BootNotification!.count).toBe(20);
      expect(result.connectionsHeldAtEnd).toBe(20);
      expect(result.sessions.started).toBe(result.charging);
      expect(result.sessions.latency.latencyMs.TransactionEvent!.count).toBeGreaterThanOrEqual(result.charging);
      expect(result.sessions.latency.latencyMs.StartTransaction).toBeUndefined();
      expect(result.steady.latencyMs.TransactionEvent!.count).toBeGreaterThan(0);
      expect(result.steady.errorCount).toBe(0);
      expect(result.stopsAnswered).toBe(result.charging);
      expect(result.undrainedQueues).toBe(0);
    }
    expect(report.rows.isNothingLost).toBe(true);
    expect(report.rows.transactionRows).toBeGreaterThanOrEqual(report.platform.charging);
    expect(report.serverMetrics!.actions.TransactionEvent!.total!.count).toBeGreaterThan(0);
    expect(protocolsMarkdown([report])).toContain('Throughput ratio');
  });

  it('saturates both servers in a closed loop, one MeterValues in flight per charging charger, and prints their rates and ratio', { timeout: 90_000 }, async () => {
    const report = await runOcppBench({ ocpp: '1.6', chargers: 10, rate: 0, closedLoop: true, seconds: 2, chargingShare: 1, workers: 2, heartbeatSeconds: 60, remoteStartGapMs: 50, sessionSpreadSeconds: null, seedMeterValues: 0 }, () => {});

    for (const result of [report.platform, report.bare]) {
      expect(result.closedLoop).toBe(true);
      expect(result.offeredMeterValuesPerSecond).toBeNull();
      expect(result.sessions.started).toBe(10);
      expect(result.steady.meterValuesPerSecond).toBeGreaterThan(0);
      expect(result.steady.latencyMs.MeterValues!.count).toBeGreaterThan(0);
      expect(result.steady.errorCount).toBe(0);
    }
    expect(report.meterValuesRatio).toBeGreaterThan(0);
    expect(report.rows.isNothingLost).toBe(true);
    const markdown = ocppMarkdown(report);
    expect(markdown).toContain('closed loop (each charging charger one MeterValues in flight)');
    expect(markdown).toContain(`**Closed-loop saturation: platform ${report.platform.steady.meterValuesPerSecond} MeterValues/s, bare ${report.bare.steady.meterValuesPerSecond} MeterValues/s, ratio ${report.meterValuesRatio}**`);
  });
});
