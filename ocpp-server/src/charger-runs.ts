import type { Logger } from './logger';

type ChargerRunsOptions<Reason> = {
  delayMs: number;
  log: Logger;
  name: string;
  run: (chargerId: string, reason: Reason) => Promise<void>;
  // The reason of the run to follow one under way, from the one already waiting (if any) and the new one.
  nextReason: (waiting: Reason | undefined, arriving: Reason) => Reason | undefined;
};

// One run at a time per charger, after a delay (a booting charger sends its StatusNotifications first). What
// arrives during a run may start one more after it, since that run may have read the database before the change.
export function createChargerRuns<Reason>({ delayMs, log, name, run, nextReason }: ChargerRunsOptions<Reason>) {
  const running = new Map<string, Promise<void>>();
  const again = new Map<string, Reason>();

  function schedule(chargerId: string, reason: Reason): Promise<void> {
    const current = running.get(chargerId);
    if (current) {
      const next = nextReason(again.get(chargerId), reason);
      if (next !== undefined) again.set(chargerId, next);
      return current;
    }
    const started = new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref())
      .then(() => run(chargerId, reason))
      .catch((error: unknown) => log.error({ err: error, chargerId }, `${name} failed`))
      .finally(() => {
        running.delete(chargerId);
        const next = again.get(chargerId);
        again.delete(chargerId);
        if (next !== undefined) void schedule(chargerId, next);
      });
    running.set(chargerId, started);
    return started;
  }

  return { schedule, settled: () => Promise.all(running.values()) };
}
