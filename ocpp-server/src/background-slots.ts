// The line every background run with one charger (provisioning, Local Authorization List sync) waits in: at most
// `limit` are in progress in the process at once, the others start in the order they arrived as slots come free.
// Without it a fleet booting together started two runs per charger at the same moment, whose statements and calls
// took the database pool and the event loop from the chargers' own messages (README, Performance: Where an answer
// waits). Commands a user sent do not wait here (src/commands/).
export function createBackgroundSlots(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('background runs need at least one slot');
  let inProgress = 0;
  const waiting: (() => void)[] = [];

  // A slot freed goes straight to the first run waiting, so one arriving meanwhile cannot take it out of turn.
  function release() {
    const next = waiting.shift();
    if (next) next();
    else inProgress--;
  }

  // Runs `work` once a slot is free. `isWanted`, asked when its turn comes, lets a run no longer wanted (its charger
  // has left) give the slot on at once; its answer is then undefined.
  async function run<T>(work: () => Promise<T>, isWanted: () => boolean = () => true): Promise<T | undefined> {
    if (inProgress < limit) inProgress++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return isWanted() ? await work() : undefined;
    } finally {
      release();
    }
  }

  return {
    run,
    limit,
    get inProgress() {
      return inProgress;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

export type BackgroundSlots = ReturnType<typeof createBackgroundSlots>;
