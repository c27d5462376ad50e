import WebSocket from 'ws';
import type { CallGate, GateMember } from './call-gate';
import { TokenBucket } from './token-bucket';

export type MessageLimit = { burst: number; perSecond: number };

// RFC 6455 §7.4.1: 1003 for data of a type the endpoint cannot accept, 1008 for a policy violation.
export const BINARY_FRAME_CLOSE = { code: 1003, reason: 'OCPP-J messages are text frames' } as const;
export const RATE_LIMIT_CLOSE = { code: 1008, reason: 'Message rate limit exceeded' } as const;
// Without a rate limit, frames wait only while the server's calls in flight are at their cap (src/ocpp/call-gate.ts).
export const BACKLOG_CLOSE = { code: 1008, reason: 'Too many messages sent without waiting for answers' } as const;
// The owner of the socket closes it once the calls already admitted are answered; this is the backstop.
const CLOSE_AFTER_MS = 10_000;
// Frames (and pings paid for in advance) a connection may have waiting for the rate or the call gate. Pausing the
// socket stops further reads, but ws still parses what it had already read: a 64 kB read of the smallest CALLs is
// over 2,000 frames. A charger sends one CALL at a time (OCPP-J 1.6 §4.1.1: it SHOULD NOT send a CALL before the
// previous one is answered) besides its answers to ours, so only a client pipelining a thousand calls without
// waiting for the answers comes near this; it is closed, as the queue would hold it for longer than its calls can wait.
export const MAX_WAITING_FRAMES = 1000;

export class FrameRefusedError extends Error {
  constructor(
    readonly closeCode: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'FrameRefusedError';
  }
}

// JSON's whitespace: space, tab, line feed, carriage return.
const isJsonSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

// Whether a text frame is a charger's answer to one of the server's calls (OCPP-J message type 3, CALLRESULT, or 4,
// CALLERROR), from its first bytes only: `[`, then the type digit, whitespace allowed around both.
export function isAnswerFrame(data: unknown) {
  if (!Buffer.isBuffer(data)) return false;
  let index = 0;
  while (isJsonSpace(data[index])) index++;
  if (data[index++] !== 0x5b) return false;
  while (isJsonSpace(data[index])) index++;
  const type = data[index++];
  return (type === 0x33 || type === 0x34) && (isJsonSpace(data[index]) || data[index] === 0x2c);
}

export type SocketGuards = { limit: MessageLimit | null; gate: CallGate | null };

// ws hands every frame to ocpp-rpc through emit('message', data, isBinary), and ws's `WebSocket` server option
// takes a subclass: overriding emit is the one place a frame can be held back or dropped before it is parsed,
// answered or written to the message log.
//
// A frame (but a charger's answer to the server's own call) waits, in order, while the process's calls in flight are at their cap (the gate is shut) and, past the
// rate, for its token; meanwhile the socket stops reading (ws pause(): the kernel's TCP window then slows the
// sender) until every waiting frame is delivered and a token is free again. A charger that waits for each answer
// is only slowed; a flooder's unread frames stay in its own send buffer.
export function guardedWebSocket({ limit, gate }: SocketGuards) {
  // The socket is its own member of the call gate (release, peek): no closures made for each one.
  return class GuardedWebSocket extends WebSocket implements GateMember {
    #bucket: TokenBucket | null = limit && new TokenBucket(limit);
    #waiting: unknown[][] = [];
    #drainTimer: NodeJS.Timeout | undefined;
    #closeTimer: NodeJS.Timeout | undefined;
    #refused = false;

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'close') this.#dropWaiting();
      if (event !== 'message' && event !== 'ping') return super.emit(event, ...args);
      if (this.#refused) return false;
      if (event === 'message' && args[1] === true) return this.#refuse(BINARY_FRAME_CLOSE);
      const bucket = this.#bucket;
      if (event === 'ping') {
        if (!bucket) return super.emit(event, ...args);
        // ws has already answered it with a pong: a ping is never held, only paid for, in advance if need be.
        bucket.charge();
        if (bucket.msUntilToken() > 0 && this.readyState === WebSocket.OPEN && !this.#hold()) return false;
        return super.emit(event, ...args);
      }
      // A charger's answer to a call of the server is no call in flight: it passes the gate (held, the call it answers
      // would time out though the charger acted), paying only the rate.
      if (isAnswerFrame(args[0]) && (!bucket || bucket.take())) return super.emit(event, ...args);
      if (this.#waiting.length === 0 && (!gate || gate.mayPass(this)) && (!bucket || bucket.take())) return super.emit(event, ...args);
      // Nothing waits for a socket that is already closing.
      if (this.readyState !== WebSocket.OPEN) return false;
      this.#waiting.push(args);
      return this.#hold();
    }

    // The server closing a socket held back reads on, so that the charger's close frame completes the handshake;
    // what waits is not handled any more.
    override close(code?: number, data?: string | Buffer) {
      this.#dropWaiting();
      super.close(code, data);
    }

    #hold() {
      const bucket = this.#bucket;
      if (this.#waiting.length + (bucket?.owed() ?? 0) > MAX_WAITING_FRAMES) return this.#refuse(bucket ? RATE_LIMIT_CLOSE : BACKLOG_CLOSE);
      this.pause();
      if (this.#waiting.length > 0 && gate && !gate.mayPass(this)) gate.wait(this);
      else if (bucket) this.#drainTimer ??= setTimeout(() => this.#drain(), Math.ceil(bucket.msUntilToken()));
      else gate?.wait(this);
      return true;
    }

    #drain() {
      clearTimeout(this.#drainTimer);
      this.#drainTimer = undefined;
      const bucket = this.#bucket;
      while (this.readyState === WebSocket.OPEN && this.#waiting.length > 0) {
        if (gate && !gate.mayPass(this)) return gate.wait(this);
        if (bucket && !bucket.take()) break;
        super.emit('message', ...this.#waiting.shift()!);
      }
      if (this.#refused || this.readyState !== WebSocket.OPEN) return this.#dropWaiting();
      const waitMs = bucket?.msUntilToken() ?? 0;
      if (this.#waiting.length > 0 || waitMs > 0) this.#drainTimer = setTimeout(() => this.#drain(), Math.ceil(waitMs));
      else {
        gate?.forget(this);
        this.resume();
      }
    }

    // The gate opened for this socket's waiting frames.
    release() {
      this.#drain();
    }

    // While the gate stays shut: one more read, for the pongs and pings in it; its next frame pauses the socket again.
    peek() {
      if (this.isPaused && this.readyState === WebSocket.OPEN) this.resume();
    }

    // Once the socket closes or is refused, what waits is dropped with its timer; a closing socket reads on so
    // that the closing handshake completes, and drops whatever would have to wait.
    #dropWaiting() {
      clearTimeout(this.#drainTimer);
      this.#drainTimer = undefined;
      this.#waiting = [];
      gate?.forget(this);
      if (this.readyState === WebSocket.CLOSED) clearTimeout(this.#closeTimer);
      else if (this.isPaused) this.resume();
    }

    #refuse({ code, reason }: { code: number; reason: string }) {
      this.#refused = true;
      this.#dropWaiting();
      // ocpp-rpc forwards socket errors as the client's 'socketError', where the server logs them with the
      // charger's identity (one line per refused connection, not one per frame) and closes the client.
      // Without a listener (a socket ocpp-rpc refused while shutting down) an 'error' event would throw.
      if (this.listenerCount('error') === 0) this.close(code, reason);
      else super.emit('error', new FrameRefusedError(code, reason));
      this.#closeTimer ??= setTimeout(() => this.close(code, reason), CLOSE_AFTER_MS).unref();
      return false;
    }
  };
}
