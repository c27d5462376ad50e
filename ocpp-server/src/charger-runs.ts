import type { BackgroundSlots, Turn } from './background-slots';
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

// One charger's run, from its schedule to its end: waiting out the delay, then in line (`place`), then in progress
// (`isRunning`: what arrives now may need a run after it, rather than being folded into this one).
type ChargerRun<Reason> = {
  chargerId: string;
  isRunning: boolean;
  // The reason it starts with; what arrives before it starts is folded in.
  reason: Reason;
  isUrgent: boolean;
  // What arrived while it was in progress: the run to follow it.
  again: Reason | undefined;
  place: LinePlace<Reason> | null;
  ended: Promise<void>;
  end: () => void;
};

// A run's place in the process-wide line. A run that left it (an owner's reason started it at once) leaves the place
// behind, and the place declines its turn: the slot goes on to the next.
class LinePlace<Reason> implements Turn {
  constructor(
    private readonly runs: { turnCame: (place: LinePlace<Reason>) => Promise<void> | undefined },
    readonly run: ChargerRun<Reason>,
  ) {}

  takeTurn() {
    return this.runs.turnCame(this);
  }
}

// One run at a time per charger, after a delay (a booting charger sends its StatusNotifications first), then in
// line for one of the process's background slots. What arrives while a run waits is folded into it: it has read
// nothing yet (a connecting charger's 'reconnect' and its boot make one run). What arrives during a run may start one
// more after it, since that run may have read the database before the change. A waiting run is a record, not a chain
// of promises: after a fleet boots, tens of thousands wait (README, Performance).
export function createChargerRuns<Reason>({ delayMs, log, name, run, nextReason, foldReason, skipsLine = () => false, slots, isConnected }: ChargerRunsOptions<Reason>) {
  const runs = new Map<string, ChargerRun<Reason>>();

  function finish(chargerRun: ChargerRun<Reason>) {
    chargerRun.place = null;
    if (runs.get(chargerRun.chargerId) === chargerRun) runs.delete(chargerRun.chargerId);
    chargerRun.end();
    if (chargerRun.again !== undefined) void schedule(chargerRun.chargerId, chargerRun.again);
  }

  function begin(chargerRun: ChargerRun<Reason>): Promise<void> {
    chargerRun.isRunning = true;
    chargerRun.place = null;
    let running: Promise<void>;
    try {
      running = run(chargerRun.chargerId, chargerRun.reason);
    } catch (error) {
      running = Promise.reject(error);
    }
    const logged = running.catch((error: unknown) => log.error({ err: error, chargerId: chargerRun.chargerId }, `${name} failed`));
    // Its end is announced in the same turn its slot is freed, so a run that settles finds the slot free.
    void logged.then(() => finish(chargerRun));
    return logged;
  }

  // Started at once, outside the line (an owner's reason), unless its charger has left meanwhile.
  function startNow(chargerRun: ChargerRun<Reason>) {
    if (isConnected(chargerRun.chargerId)) void begin(chargerRun);
    else finish(chargerRun);
  }

  const line = {
    turnCame(place: LinePlace<Reason>) {
      const chargerRun = place.run;
      if (chargerRun.place !== place) return undefined;
      if (isConnected(chargerRun.chargerId)) return begin(chargerRun);
      finish(chargerRun);
      return undefined;
    },
  };

  function afterDelay(chargerRun: ChargerRun<Reason>) {
    if (chargerRun.isUrgent) return startNow(chargerRun);
    chargerRun.place = new LinePlace(line, chargerRun);
    slots.enter(chargerRun.place);
  }

  function schedule(chargerId: string, reason: Reason): Promise<void> {
    const current = runs.get(chargerId);
    if (current?.isRunning) {
      const next = nextReason(current.again, reason);
      if (next !== undefined) current.again = next;
      return current.ended;
    }
    if (current) {
      current.reason = foldReason ? foldReason(current.reason, reason) : (nextReason(current.reason, reason) ?? current.reason);
      if (skipsLine(reason)) {
        current.isUrgent = true;
        // It leaves the line at once (its place will decline its turn) and starts a moment later, so that what
        // arrives together with the owner's change is still folded into it.
        if (current.place) {
          current.place = null;
          queueMicrotask(() => startNow(current));
        }
      }
      return current.ended;
    }
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const chargerRun: ChargerRun<Reason> = { chargerId, isRunning: false, reason, isUrgent: skipsLine(reason), again: undefined, place: null, ended, end };
    runs.set(chargerId, chargerRun);
    setTimeout(afterDelay, delayMs, chargerRun).unref();
    return ended;
  }

  return { schedule, settled: () => Promise.all([...runs.values()].map((chargerRun) => chargerRun.ended)) };
}
