// OCPP 2.0.1 messages, typed from the JSON schemas ocpp-rpc's strict mode validates against (generated/v201.ts).
import type { MeterValuesRequest, V201Action, V201Requests, V201Responses } from './generated/v201';

export type * from './generated/v201';

export type MeterValue201 = MeterValuesRequest['meterValue'][number];

type Caller = { call(method: string, params?: unknown, options?: Record<string, unknown>): Promise<unknown> };

// As callV16: strict mode checks the params before sending and the answer before resolving.
export function callV201<A extends V201Action>(client: Caller, action: A, params: V201Requests[A], options?: { callTimeoutMs?: number }) {
  return client.call(action, params, options) as Promise<V201Responses[A]>;
}
