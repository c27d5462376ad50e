import type { BackgroundSlots } from './background-slots';
import type { Logger } from './logger';

type ChargerRunsOptions<Reason> = {
  delayMs: number;
  log: Logger;
  name: string;
  run: (chargerId: string, reason: Reason) => Promise<void>;
  // The reason of the run to follow one under way, from the one already waiting (if any) and the new one.
  nextReason: (waiting: Reason | undefined, arriving: Reason) => Reason | undefined;
  // What a run not yet started takes on when another reason arrives for it (nextReason when not given): it has read
  // nothing yet, so it may keep the strongest of the two rather than the latest.
  foldReason?: (waiting: Reason, arriving: Reason) => Reason;
  // Reasons an owner's change gives (saved settings, an edited card): their runs do not wait in the process-wide
  // line, where a silent charger holds a slot for whole call timeouts; still one run at a time per charger.
  skipsLine?: (reason: Reason) => boolean;
  // The process-wide line shared with the other kinds of background run (src/background-slots.ts).
  slots: BackgroundSlots;
  // Whether this process still holds the charger's socket: a run whose charger left while it waited for a slot is
  // dropped when its turn comes, without taking one.
  isConnected: (chargerId: string) => boolean;
};

// One run at a time per charger, after a delay (a booting charger sends its StatusNotifications first), then in
// line for one of the process's background slots. What arrives while a run waits is folded into it: it has read
// nothing yet (a connecting charger's 'reconnect' and its boot make one run). What arrives during a run may start one
// more after it, since that run may have read the database before the change.
export function createChargerRuns<Reason>({ delayMs, log, name, run, nextReason, foldReason, skipsLine = () => false, slots, isConnected }: ChargerRunsOptions<Reason>) {
  const running = new Map<string, Promise<void>>();
  const notStarted = new Map<string, Reason>();
  const again = new Map<string, Reason>();

  // Chargers whose run not yet started had an owner's reason folded in, with what takes that run out of the line.
  const urgent = new Set<string>();
  const leaveLine = new Map<string, () => void>();

  function start(chargerId: string) {
    const reason = notStarted.get(chargerId)!;
    notStarted.delete(chargerId);
    urgent.delete(chargerId);
    leaveLine.delete(chargerId);
    return run(chargerId, reason);
  }

  // In line for a slot unless an owner's reason is folded in, before or while it waits: then it starts at once, and
  // its place in the line, once its turn comes, is passed on.
  function startInTurn(chargerId: string): Promise<void> {
    const startNow = async () => {
      if (notStarted.has(chargerId) && isConnected(chargerId)) await start(chargerId);
    };
    if (urgent.has(chargerId)) return startNow();
    // Its place in the line belongs to this run only: once it left, a later run of the charger must not start there.
    // The run ends with the one that started it: a place passed on while the run that left goes on ends nothing.
    let hasLeft = false;
    const left = new Promise<void>((resolve) =>
      leaveLine.set(chargerId, () => {
        hasLeft = true;
        resolve();
      }),
    ).then(startNow);
    const ownPlace = leaveLine.get(chargerId);
    const inLine = slots.run(() => start(chargerId), () => leaveLine.get(chargerId) === ownPlace && notStarted.has(chargerId) && isConnected(chargerId));
    return Promise.race([inLine.then(() => (hasLeft ? left : undefined)), left]);
  }

  function schedule(chargerId: string, reason: Reason): Promise<void> {
    const current = running.get(chargerId);
    if (current) {
      const waiting = notStarted.get(chargerId);
      if (waiting !== undefined) {
        notStarted.set(chargerId, foldReason ? foldReason(waiting, reason) : (nextReason(waiting, reason) ?? waiting));
        if (skipsLine(reason)) {
          urgent.add(chargerId);
          leaveLine.get(chargerId)?.();
        }
      } else {
        const next = nextReason(again.get(chargerId), reason);
        if (next !== undefined) again.set(chargerId, next);
      }
      return current;
    }
    notStarted.set(chargerId, reason);
    if (skipsLine(reason)) urgent.add(chargerId);
    const started = new Promise<void>((resolve) => setTimeout(resolve, delayMs).unref())
      .then(() => startInTurn(chargerId))
      .catch((error: unknown) => log.error({ err: error, chargerId }, `${name} failed`))
      .finally(() => {
        running.delete(chargerId);
        notStarted.delete(chargerId);
        urgent.delete(chargerId);
        leaveLine.delete(chargerId);
        const next = again.get(chargerId);
        again.delete(chargerId);
        if (next !== undefined) void schedule(chargerId, next);
      });
    running.set(chargerId, started);
    return started;
  }

  return { schedule, settled: () => Promise.all(running.values()) };
}
