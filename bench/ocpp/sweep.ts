import { withBenchFleet, type BenchFleet } from './bench-fleet';
import type { LoadResult } from './load';
import { ratio, type OcppBenchOptions } from './run';
import type { ServerMetrics } from './server-metrics';

export type SweepOptions = OcppBenchOptions & {
  // Steady seconds of the closed-loop saturation runs and of each open-loop step.
  saturationSeconds: number;
  stepSeconds: number;
};

// Shares of the platform's own closed-loop saturation offered open-loop, one step each.
export const SWEEP_SHARES = [0.25, 0.5, 0.75, 1];

// What a charger sees of one server at one step: readings answered per second and how long each waited.
function figures(result: LoadResult) {
  const latency = result.steady.latencyMs.MeterValues;
  return { achievedPerSecond: result.steady.meterValuesPerSecond, p50Ms: latency?.p50 ?? null, p99Ms: latency?.p99 ?? null, callErrors: result.steady.callErrorCount, errors: result.steady.errorCount };
}

export type ServerFigures = ReturnType<typeof figures>;

async function saturation(phase: BenchFleet['phase'], seconds: number) {
  const load = { rate: 0, closedLoop: true, seconds, measureRemoteStart: false };
  const bare = figures((await phase('bare', load)).result);
  const platform = figures((await phase('platform', load)).result);
  return { platform, bare, ratio: ratio(platform.achievedPerSecond, bare.achievedPerSecond) };
}

// Latency against offered load: the platform's closed-loop saturation first (the bare server's beside it), then the
// same fleet open-loop at each share of that rate, on the bare server and on the platform (a fresh process each, so
// the time split scraped from its /metrics is that step's).
export async function runSweep(options: SweepOptions, log: (line: string) => void) {
  return withBenchFleet(options, log, async ({ phase }) => {
    log(`measuring closed-loop saturation, ${options.saturationSeconds} s per server`);
    const saturated = await saturation(phase, options.saturationSeconds);
    if (saturated.platform.achievedPerSecond <= 0) throw new Error('the platform answered no MeterValues in the closed loop');
    const steps = [];
    for (const share of SWEEP_SHARES) {
      const rate = Math.max(1, Math.round(share * saturated.platform.achievedPerSecond));
      const load = { rate, closedLoop: false, seconds: options.stepSeconds, measureRemoteStart: false };
      log(`step ${share * 100} %: ${rate} MeterValues/s offered`);
      const bare = figures((await phase('bare', load)).result);
      const platform = await phase('platform', load);
      steps.push({ share, offeredPerSecond: rate, platform: figures(platform.result), bare, split: (platform.metrics as ServerMetrics).actions.MeterValues ?? {} });
    }
    return { options, saturation: saturated, steps };
  });
}

export type SweepReport = Awaited<ReturnType<typeof runSweep>>;
export type SweepStep = SweepReport['steps'][number];
