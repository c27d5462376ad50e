import { RPCError, TimeoutError } from '../ocpp/rpc';
import type { FinalCommandStatus } from '../../../domain/commands/actions';

type Outcome = { status: FinalCommandStatus; response: Record<string, unknown> | null; error: string | null };

// 1.6 .conf status values: Accepted/Rejected everywhere, plus per action Scheduled (ChangeAvailability),
// RebootRequired/NotSupported (ChangeConfiguration), Unlocked/UnlockFailed/NotSupported (UnlockConnector).
const ACCEPTED = new Set(['Accepted', 'Scheduled', 'RebootRequired', 'Unlocked']);

export function outcomeFromResponse(response: unknown): Outcome {
  const body = (typeof response === 'object' && response !== null ? response : {}) as Record<string, unknown>;
  const status = body.status;
  // GetConfiguration.conf carries no status: an answer is success.
  if (typeof status !== 'string' || ACCEPTED.has(status)) return { status: 'accepted', response: body, error: null };
  return { status: 'rejected', response: body, error: status };
}

export function outcomeFromError(error: unknown): Outcome {
  if (error instanceof TimeoutError) return { status: 'timeout', response: null, error: 'The charger did not answer in time' };
  if (error instanceof RPCError) return { status: 'failed', response: null, error: `${error.rpcErrorCode}: ${error.message}` };
  // The socket closed before the answer: whether the charger acted is unknown, and it is gone.
  return { status: 'offline', response: null, error: error instanceof Error ? error.message : String(error) };
}
