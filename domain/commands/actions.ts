import type { CommandStatus } from '../../db/schema';
import type { SendLocalListRequest, V16Requests, V16ServerAction } from '../../ocpp-server/src/ocpp/generated/v16';

// Platform → charger calls of OCPP 1.6 the command bus carries; payloads are the 1.6 .req types generated
// from ocpp-rpc's schemas (type-only: nothing of the sidecar is loaded).
export const COMMAND_ACTIONS = [
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'Reset',
  'UnlockConnector',
  'ChangeAvailability',
  'GetConfiguration',
  'ChangeConfiguration',
  'ClearCache',
  'TriggerMessage',
  'SendLocalList',
] as const satisfies readonly V16ServerAction[];

export type CommandAction = (typeof COMMAND_ACTIONS)[number];
export type CommandPayloads = Pick<V16Requests, CommandAction>;

// OCPP 1.6 §7.3 AuthorizationData: an entry of the Local Authorization List.
export type LocalAuthorization = NonNullable<SendLocalListRequest['localAuthorizationList']>[number];

export const COMMAND_CHANNEL = 'charger_command';
export const COMMAND_RESULT_CHANNEL = 'charger_command_result';

export const FINAL_STATUSES = ['accepted', 'rejected', 'failed', 'timeout', 'offline', 'expired'] as const;
export type FinalCommandStatus = (typeof FINAL_STATUSES)[number];

export function isFinalStatus(status: CommandStatus): status is FinalCommandStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export type CommandResultEvent = { id: string; chargerId: string; status: FinalCommandStatus };
