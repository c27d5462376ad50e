import { once } from 'node:events';
import { RPCError, type RpcClient } from '../src/ocpp/rpc';

const RETRY_AFTER_ERROR_MS = 1000;

// What a charger owes the central system about its transactions (1.6 §3.7, 2.0.1 E04): delivered in order, each
// retried until answered, kept while offline. `deliver` sends one and resolves once it is answered; `refused` hears
// of one answered with a CALLERROR, which is an answer too (only InternalError, a hiccup on the other side, is
// worth repeating). Anything else (the socket went away mid-call, a timeout) leaves it at the head, sent again.
export class OrderedDelivery<Item> {
  private readonly items: Item[] = [];
  private isPumping = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly client: RpcClient,
    private readonly deliver: (item: Item) => Promise<void>,
    private readonly refused: (item: Item, error: unknown) => void,
  ) {}

  get length() {
    return this.items.length;
  }

  push(item: Item) {
    this.items.push(item);
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
      await this.deliver(head);
      this.items.shift();
    } catch (error) {
      if (error instanceof RPCError && error.rpcErrorCode !== 'InternalError') {
        this.items.shift();
        this.refused(head, error);
      } else if (error instanceof RPCError) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
      }
    }
  }
}
