import type { V201ChargerAction, V201Requests, V201Responses } from '../../ocpp/v201';
import type { Handler } from '../types';

export type V201Handler<A extends V201ChargerAction> = Handler<V201Requests[A], V201Responses[A]>;
