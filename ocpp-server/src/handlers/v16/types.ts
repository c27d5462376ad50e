import type { V16Action, V16Requests, V16Responses } from '../../ocpp/v16';
import type { Handler } from '../types';

export type V16Handler<A extends V16Action> = Handler<V16Requests[A], V16Responses[A]>;
