import type { V16ChargerAction, V16Requests, V16Responses } from '../../ocpp/v16';
import type { Handler } from '../types';

export type V16Handler<A extends V16ChargerAction> = Handler<V16Requests[A], V16Responses[A]>;
