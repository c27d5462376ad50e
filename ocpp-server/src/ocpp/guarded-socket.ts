import WebSocket from 'ws';
import { createTokenBucket } from './token-bucket';

export type MessageLimit = { burst: number; perSecond: number };

// RFC 6455 §7.4.1: 1003 for data of a type the endpoint cannot accept, 1008 for a policy violation.
export const BINARY_FRAME_CLOSE = { code: 1003, reason: 'OCPP-J messages are text frames' } as const;
export const RATE_LIMIT_CLOSE = { code: 1008, reason: 'Message rate limit exceeded' } as const;
// The owner of the socket closes it once the calls already admitted are answered; this is the backstop.
const CLOSE_AFTER_MS = 10_000;

export class FrameRefusedError extends Error {
  constructor(
    readonly closeCode: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'FrameRefusedError';
  }
}

// ws hands every frame to ocpp-rpc through emit('message', data, isBinary), and ws's `WebSocket` server option
// takes a subclass: overriding emit is the one place a frame can be dropped before it is parsed, answered or
// written to the message log. Nothing a refused connection sends afterwards is read.
export function guardedWebSocket(limit: MessageLimit | null) {
  return class GuardedWebSocket extends WebSocket {
    #bucket = limit && createTokenBucket(limit);
    #refused = false;

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message' || event === 'ping') {
        if (this.#refused) return false;
        // Pings count too: ws answers each with a pong, so a ping flood is a message flood.
        if (event === 'message' && args[1] === true) return this.#refuse(BINARY_FRAME_CLOSE);
        if (this.#bucket && !this.#bucket.take()) return this.#refuse(RATE_LIMIT_CLOSE);
      }
      return super.emit(event, ...args);
    }

    #refuse({ code, reason }: { code: number; reason: string }) {
      this.#refused = true;
      // ocpp-rpc forwards socket errors as the client's 'socketError', where the server logs them with the
      // charger's identity (one line per refused connection, not one per frame) and closes the client.
      // Without a listener (a socket ocpp-rpc refused while shutting down) an 'error' event would throw.
      if (this.listenerCount('error') === 0) this.close(code, reason);
      else super.emit('error', new FrameRefusedError(code, reason));
      setTimeout(() => this.close(code, reason), CLOSE_AFTER_MS).unref();
      return false;
    }
  };
}
