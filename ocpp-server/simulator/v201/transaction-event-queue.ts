import type { RpcClient } from '../../src/ocpp/rpc';
import { callV201, type TransactionEventRequest, type V201Responses } from '../../src/ocpp/v201';
import { OrderedDelivery } from '../ordered-delivery';

type Queued = { request: TransactionEventRequest; answered: (response: V201Responses['TransactionEvent']) => void; refused: (error: unknown) => void };

// OCPP 2.0.1 E04: a station keeps its TransactionEvents while offline and sends them in order when the link is back,
// each one that came about while offline marked offline=true; every event is retried until the CSMS answers it, so
// none is lost and none overtakes another.
export class TransactionEventQueue {
  // Events the CSMS answered, per eventType: what it must have recorded, each exactly once.
  readonly delivered = { Started: 0, Updated: 0, Ended: 0 };
  private readonly delivery: OrderedDelivery<Queued>;

  constructor(private readonly client: RpcClient) {
    this.delivery = new OrderedDelivery<Queued>(
      client,
      async (item) => {
        const response = await callV201(client, 'TransactionEvent', item.request);
        this.delivered[item.request.eventType]++;
        item.answered(response);
      },
      (item, error) => item.refused(error),
    );
  }

  get length() {
    return this.delivery.length;
  }

  // Resolves with the CSMS's answer; rejects when it answers with a CALLERROR other than InternalError.
  push(request: TransactionEventRequest): Promise<V201Responses['TransactionEvent']> {
    const isOffline = this.client.state !== 1;
    return new Promise((answered, refused) => this.delivery.push({ request: isOffline ? { ...request, offline: true } : request, answered, refused }));
  }

  stop() {
    this.delivery.stop();
  }

  drained(timeoutMs = 30_000) {
    return this.delivery.drained(timeoutMs);
  }
}
