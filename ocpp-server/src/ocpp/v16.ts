// OCPP 1.6 messages, typed from the JSON schemas ocpp-rpc's strict mode validates against (generated/v16.ts).
import type { AuthorizeResponse, MeterValuesRequest, V16Action, V16Requests, V16Responses } from './generated/v16';

export type * from './generated/v16';

export type IdTagInfo = AuthorizeResponse['idTagInfo'];
export type MeterValue = MeterValuesRequest['meterValue'][number];
export type SampledValue = MeterValue['sampledValue'][number];

type Caller = { call(method: string, params?: unknown, options?: Record<string, unknown>): Promise<unknown> };

// ocpp-rpc's call() is untyped. In strict mode it checks the params against the action's request schema before
// sending and the answer against its response schema before resolving, so the answer has the generated type.
export function callV16<A extends V16Action>(client: Caller, action: A, params: V16Requests[A], options?: { callTimeoutMs?: number }) {
  return client.call(action, params, options) as Promise<V16Responses[A]>;
}
