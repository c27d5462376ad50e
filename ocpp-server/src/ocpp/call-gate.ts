// A charger socket whose frames wait for the gate: `release` delivers them once it opens, `peek` lets the socket
// read once more while it stays shut.
export type GateMember = { release(): void; peek(): void };

export type CallGateOptions = {
  // Calls in flight at which the gate shuts; null: never shuts (it still counts).
  maxInFlight: number | null;
  // How often a socket held back reads again while the gate stays shut, so that its pongs and pings are read.
  peekEveryMs: number;
};

// Once shut, the gate opens again only when the calls in flight have fallen to this share of the cap, so that a
// busy server releases the sockets waiting for it in batches rather than one socket per answer.
const REOPEN_SHARE = 0.75;

// Counts the chargers' calls in flight (read, not yet answered) in the whole process. At the cap the gate shuts:
// a socket that delivers a frame meanwhile has it held (as ws framed it, not yet parsed) and stops reading, so the
// calls that follow wait in the kernel's TCP buffers and the charger's, not on the heap as parsed frames, handler
// promises, group-commit entries and log rows. When it opens, the waiting sockets are released in the order they
// came (their frames first), until the cap is reached again; the rest wait on, first in line, and a socket cut
// short goes to the back.
export function createCallGate({ maxInFlight, peekEveryMs }: CallGateOptions) {
  const reopenAt = maxInFlight === null ? 0 : Math.floor(maxInFlight * REOPEN_SHARE);
  const waiting = new Set<GateMember>();
  let inFlight = 0;
  let peak = 0;
  let isShut = false;
  let releaseScheduled = false;
  let releasing: GateMember | null = null;
  let peekTimer: NodeJS.Timeout | undefined;

  function release() {
    releaseScheduled = false;
    for (const member of waiting) {
      if (isShut) break;
      waiting.delete(member);
      releasing = member;
      try {
        member.release();
      } finally {
        releasing = null;
      }
    }
    if (waiting.size === 0) stopPeeking();
  }

  // A socket held back reads no pong: ocpp-rpc would close one held for two ping intervals as dead. Calls in flight
  // are answered within their database round trips, so the gate is rarely shut that long; when it is (a stalled
  // database), each waiting socket reads again at this interval, which also answers the charger's own pings.
  function startPeeking() {
    peekTimer ??= setInterval(() => {
      for (const member of waiting) member.peek();
    }, peekEveryMs).unref();
  }

  function stopPeeking() {
    clearInterval(peekTimer);
    peekTimer = undefined;
  }

  return {
    get isShut() {
      return isShut;
    },
    // A frame goes in only while the gate is open and no socket waits before it: one that came when others were
    // already waiting joins the line, so that sockets released late are not overtaken for ever by busier ones.
    mayPass(member: GateMember) {
      return !isShut && (waiting.size === 0 || releasing === member);
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiting.size;
    },
    // The most calls in flight at once since the previous look.
    takePeak() {
      const seen = peak;
      peak = inFlight;
      return seen;
    },
    enter() {
      inFlight++;
      if (inFlight > peak) peak = inFlight;
      if (maxInFlight !== null && inFlight >= maxInFlight) isShut = true;
    },
    leave() {
      inFlight--;
      if (!isShut || inFlight > reopenAt) return;
      isShut = false;
      // On the next turn of the event loop, not inside the answer being sent: the frames released start other
      // chargers' calls, whose work is no part of this one's.
      if (waiting.size > 0 && !releaseScheduled) {
        releaseScheduled = true;
        setImmediate(release);
      }
    },
    wait(member: GateMember) {
      if (waiting.has(member)) return;
      waiting.add(member);
      startPeeking();
      if (!isShut && !releaseScheduled) {
        releaseScheduled = true;
        setImmediate(release);
      }
    },
    forget(member: GateMember) {
      waiting.delete(member);
      if (waiting.size === 0) stopPeeking();
    },
  };
}

export type CallGate = ReturnType<typeof createCallGate>;
