import { once } from 'node:events';
import { RPCError, type RpcClient } from '../src/ocpp/rpc';
import { callV16, type V16Requests, type V16Responses } from '../src/ocpp/v16';

type TransactionAction = 'StartTransaction' | 'StopTransaction' | 'MeterValues';

type Queued<A extends TransactionAction> = {
  action: A;
  // Built at send time: a StopTransaction queued while offline learns its transactionId from the Start answered before it.
  build: () => V16Requests[A];
  onResult?: (result: V16Responses[A]) => void;
};

// One Queued<A> per action, so a message's build and onResult agree on its action.
export type QueuedMessage<K extends TransactionAction = TransactionAction> = { [A in K]: Queued<A> }[K];

const RETRY_AFTER_ERROR_MS = 1000;

// OCPP 1.6 §3.7: transaction-related messages are delivered in order, retried until the central system
// answers, and kept while offline.
export class TransactionQueue {
  private readonly items: QueuedMessage[] = [];
  // Messages the central system answered, per action: what it must have recorded, each exactly once.
  readonly delivered: Record<TransactionAction, number> = { StartTransaction: 0, StopTransaction: 0, MeterValues: 0 };
  private isPumping = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly client: RpcClient,
    private readonly onError: (error: unknown, message: QueuedMessage) => void,
  ) {}

  get length() {
    return this.items.length;
  }

  push(message: QueuedMessage) {
    this.items.push(message);
    void this.pump();
  }

  stop() {
    this.stopping.abort();
  }

  async drained(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length > 0 || this.isPumping) {
      if (Date.now() > deadline) throw new Error(`transaction queue not drained (${this.items.length} left)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async pump() {
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
      const answered = await this.send(head);
      this.items.shift();
      this.delivered[head.action]++;
      answered();
    } catch (error) {
      // A CALLERROR is an answer; only InternalError (a server-side hiccup) is worth repeating.
      if (error instanceof RPCError && error.rpcErrorCode !== 'InternalError') {
        this.items.shift();
        this.onError(error, head);
      } else if (error instanceof RPCError) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
      }
    }
  }

  private async send<K extends TransactionAction>(message: QueuedMessage<K>) {
    const result = await callV16(this.client, message.action, message.build());
    return () => message.onResult?.(result);
  }
}
