// One place in the line: asked when its turn comes, it starts its work (which holds the slot until it settles) or
// declines (undefined), when it is no longer wanted, and the slot goes on at once.
export type Turn = { takeTurn(): Promise<unknown> | undefined };

// `isBusy`: whether the chargers' own messages are waiting for the database now. While they are, the line lets only
// `limitWhileBusy` runs go at once, so that setting chargers up takes as little as it can from the answers to them,
// and still moves on. It looks again every `recheckMs` while it holds turns back, since no run may end for a while
// (one waiting on a silent charger's call timeouts).
type BackgroundSlotsOptions = { isBusy?: () => boolean; limitWhileBusy?: number; recheckMs?: number };

// The line every background run with one charger (provisioning, Local Authorization List sync) waits in: at most
// `limit` are in progress in the process at once, the others start in the order they arrived as slots come free.
// Without it a fleet booting together started two runs per charger at the same moment, whose statements and calls
// took the database pool and the event loop from the chargers' own messages (README, Performance: Where an answer
// waits). Commands a user sent do not wait here (src/commands/). A fleet's boot puts tens of thousands of turns in
// line, so a turn is a plain object, not a suspended function with its promises.
export function createBackgroundSlots(limit: number, { isBusy = () => false, limitWhileBusy = 1, recheckMs = 100 }: BackgroundSlotsOptions = {}) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('background runs need at least one slot');
  if (!Number.isInteger(limitWhileBusy) || limitWhileBusy < 1) throw new Error('background runs need at least one slot while busy');
  let inProgress = 0;
  const waiting: Turn[] = [];
  let recheck: NodeJS.Timeout | undefined;

  const hasRoom = () => inProgress < (isBusy() ? Math.min(limit, limitWhileBusy) : limit);

  function start(turn: Turn) {
    inProgress++;
    let work: Promise<unknown> | undefined;
    try {
      work = turn.takeTurn();
    } catch (error) {
      // As a run that failed: its slot comes free, and the line (perhaps on a timer) goes on.
      work = Promise.reject(error);
    }
    if (work === undefined) inProgress--;
    else work.then(release, release);
  }

  // Turns start in the order they arrived while there is room; one that declines gives its slot straight on.
  function fill() {
    while (waiting.length > 0 && hasRoom()) start(waiting.shift()!);
    if (waiting.length > 0 && inProgress < limit && !recheck) {
      recheck = setTimeout(() => {
        recheck = undefined;
        fill();
      }, recheckMs);
      recheck.unref();
    }
  }

  function release() {
    inProgress--;
    fill();
  }

  function enter(turn: Turn) {
    waiting.push(turn);
    fill();
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
