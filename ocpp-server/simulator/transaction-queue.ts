import type { RpcClient } from '../src/ocpp/rpc';
import { OrderedDelivery } from './ordered-delivery';
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

// OCPP 1.6 §3.7: transaction-related messages are delivered in order, retried until the central system
// answers, and kept while offline.
export class TransactionQueue {
  // Messages the central system answered, per action: what it must have recorded, each exactly once.
  readonly delivered: Record<TransactionAction, number> = { StartTransaction: 0, StopTransaction: 0, MeterValues: 0 };
  private readonly delivery: OrderedDelivery<QueuedMessage>;

  constructor(client: RpcClient, onError: (error: unknown, message: QueuedMessage) => void) {
    this.delivery = new OrderedDelivery(
      client,
      async (message) => {
        const answered = await this.send(client, message);
        this.delivered[message.action]++;
        answered();
      },
      (message, error) => onError(error, message),
    );
  }

  get length() {
    return this.delivery.length;
  }

  push(message: QueuedMessage) {
    this.delivery.push(message);
  }

  stop() {
    this.delivery.stop();
  }

  drained(timeoutMs = 30_000) {
    return this.delivery.drained(timeoutMs);
  }

  pump() {
    return this.delivery.pump();
  }

  private async send<K extends TransactionAction>(client: RpcClient, message: QueuedMessage<K>) {
    const result = await callV16(client, message.action, message.build());
    return () => message.onResult?.(result);
  }
}
