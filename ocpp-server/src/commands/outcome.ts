import type { FinalCommandStatus, OcppCommandAction } from '../../../domain/commands/actions';
import { RPCError, TimeoutError } from '../ocpp/rpc';
import type { V16Responses } from '../ocpp/v16';

type CommandResponse = V16Responses[OcppCommandAction];
type ResponseStatus = Extract<CommandResponse, { status: string }>['status'];
type Outcome = { status: FinalCommandStatus; response: Record<string, unknown> | null; error: string | null };

// 1.6 .conf status values: Accepted/Rejected everywhere, plus per action Scheduled (ChangeAvailability),
// RebootRequired/NotSupported (ChangeConfiguration), Unlocked/UnlockFailed/NotSupported (UnlockConnector), and in the
// security whitepaper AcceptedCanceled (GetLog, SignedUpdateFirmware: this one accepted, the one under way cancelled).
const ACCEPTED: ReadonlySet<ResponseStatus> = new Set<ResponseStatus>(['Accepted', 'Scheduled', 'RebootRequired', 'Unlocked', 'AcceptedCanceled']);

// The answer has passed ocpp-rpc's strict validation against the action's .conf schema.
export function outcomeFromResponse(response: CommandResponse): Outcome {
  // GetConfiguration.conf carries no status: an answer is success.
  if (!('status' in response) || ACCEPTED.has(response.status)) return { status: 'accepted', response, error: null };
  return { status: 'rejected', response, error: response.status };
}

export function outcomeFromError(error: unknown): Outcome {
  if (error instanceof TimeoutError) return { status: 'timeout', response: null, error: 'The charger did not answer in time' };
  if (error instanceof RPCError) return { status: 'failed', response: null, error: `${error.rpcErrorCode}: ${error.message}` };
  // The socket closed before the answer: whether the charger acted is unknown, and it is gone.
  return { status: 'offline', response: null, error: error instanceof Error ? error.message : String(error) };
}
