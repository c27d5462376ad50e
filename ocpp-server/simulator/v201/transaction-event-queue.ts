import { once } from 'node:events';
import { RPCError, type RpcClient } from '../../src/ocpp/rpc';
import { callV201, type TransactionEventRequest, type V201Responses } from '../../src/ocpp/v201';

type TransactionEventResponse = V201Responses['TransactionEvent'];

type Queued = { request: TransactionEventRequest; answered: (response: TransactionEventResponse) => void; refused: (error: unknown) => void };

const RETRY_AFTER_ERROR_MS = 1000;

// OCPP 2.0.1 E04 (and F04's "TransactionEvent messages ... queued"): a station keeps its TransactionEvents while
// offline and sends them in order when the link is back, each one built while offline marked offline=true; every event
// is retried until the CSMS answers it, so none is lost and none overtakes another.
export class TransactionEventQueue {
  private readonly items: Queued[] = [];
  // Events the CSMS answered, per eventType: what it must have recorded, each exactly once.
  readonly delivered = { Started: 0, Updated: 0, Ended: 0 };
  private isPumping = false;
  private readonly stopping = new AbortController();

  constructor(private readonly client: RpcClient) {}

  get length() {
    return this.items.length;
  }

  // Resolves with the CSMS's answer; rejects when it answers with a CALLERROR other than InternalError.
  push(request: TransactionEventRequest): Promise<TransactionEventResponse> {
    const isOffline = this.client.state !== 1;
    return new Promise((answered, refused) => {
      this.items.push({ request: isOffline ? { ...request, offline: true } : request, answered, refused });
      void this.pump();
    });
  }

  stop() {
    this.stopping.abort();
  }

  async drained(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length > 0 || this.isPumping) {
      if (Date.now() > deadline) throw new Error(`TransactionEvent queue not drained (${this.items.length} left)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async pump() {
    if (this.isPumping) return;
    this.isPumping = true;
    try {
      while (this.items.length > 0 && !this.stopping.signal.aborted) await this.sendHead();
    } catch (error) {
      if (!this.stopping.signal.aborted) throw error;
    } finally {
      this.isPumping = false;
    }
  }

  private async sendHead() {
    if (this.client.state !== 1) {
      await once(this.client, 'open', { signal: this.stopping.signal });
      return;
    }
    const head = this.items[0]!;
    try {
      const response = await callV201(this.client, 'TransactionEvent', head.request);
      this.items.shift();
      this.delivered[head.request.eventType]++;
      head.answered(response);
    } catch (error) {
      // A CALLERROR is an answer; only InternalError (a hiccup on the CSMS's side) is worth repeating. Anything
      // else (the socket went away mid-call, a timeout) leaves the event at the head, sent again once reconnected.
      if (error instanceof RPCError && error.rpcErrorCode !== 'InternalError') {
        this.items.shift();
        head.refused(error);
      } else if (error instanceof RPCError) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
      }
    }
  }
}
