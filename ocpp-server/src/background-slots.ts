// One place in the line: asked when its turn comes, it starts its work (which holds the slot until it settles) or
// declines (undefined), when it is no longer wanted, and the slot goes on at once.
export type Turn = { takeTurn(): Promise<unknown> | undefined };

// The line every background run with one charger (provisioning, Local Authorization List sync) waits in: at most
// `limit` are in progress in the process at once, the others start in the order they arrived as slots come free.
// Without it a fleet booting together started two runs per charger at the same moment, whose statements and calls
// took the database pool and the event loop from the chargers' own messages (README, Performance: Where an answer
// waits). Commands a user sent do not wait here (src/commands/). A fleet's boot puts tens of thousands of turns in
// line, so a turn is a plain object, not a suspended function with its promises.
export function createBackgroundSlots(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('background runs need at least one slot');
  let inProgress = 0;
  const waiting: Turn[] = [];

  function give(turn: Turn) {
    const work = turn.takeTurn();
    if (work === undefined) return false;
    work.then(release, release);
    return true;
  }

  // A slot freed goes straight to the first turn waiting, so one arriving meanwhile cannot take it out of turn.
  function release() {
    for (let next = waiting.shift(); next; next = waiting.shift()) if (give(next)) return;
    inProgress--;
  }

  function enter(turn: Turn) {
    if (inProgress >= limit) {
      waiting.push(turn);
      return;
    }
    inProgress++;
    if (!give(turn)) release();
  }

  return {
    enter,
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
