import { withBenchFleet } from './bench-fleet';
import { checkRows } from './rows';
import type { BenchProtocol } from './worker-protocol';

export type OcppBenchOptions = {
  // What the fleet speaks (the remote-start probe stays a 1.6 charger).
  ocpp: BenchProtocol;
  chargers: number;
  rate: number;
  // Each charging charger keeps exactly one MeterValues in flight (saturation); `rate` is then not used.
  closedLoop: boolean;
  seconds: number;
  chargingShare: number;
  workers: number;
  heartbeatSeconds: number;
  remoteStartGapMs: number;
  sessionSpreadSeconds: number | null;
  // Meter values written before the run (history on the bench's chargers), to measure the platform on a grown table.
  seedMeterValues: number;
};

export const ratio = (platform: number, bare: number) => (bare > 0 ? Math.round((platform / bare) * 100) / 100 : 0);

export async function runOcppBench(options: OcppBenchOptions, log: (line: string) => void) {
  return withBenchFleet(options, log, async ({ db, seeded, rowsBefore, phase }) => {
    const step = { rate: options.rate, closedLoop: options.closedLoop, seconds: options.seconds };
    const bare = await phase('bare', { ...step, measureRemoteStart: false });
    const platform = await phase('platform', { ...step, measureRemoteStart: true });
    const rows = await checkRows(db, platform.result, rowsBefore);
    return {
      options,
      throughputRatio: ratio(platform.result.steady.messagesPerSecond, bare.result.steady.messagesPerSecond),
      meterValuesRatio: ratio(platform.result.steady.meterValuesPerSecond, bare.result.steady.meterValuesPerSecond),
      platform: platform.result,
      bare: bare.result,
      remoteStart: platform.remoteStart,
      serverMetrics: platform.metrics,
      rows,
      seeded,
    };
  });
}

export type OcppBenchReport = Awaited<ReturnType<typeof runOcppBench>>;
