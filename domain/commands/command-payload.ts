import type { CommandAction, CommandPayloads } from './actions';

type CommandRequest =
  | { command: 'Reset'; type: 'Soft' | 'Hard' }
  | { command: 'UnlockConnector'; connectorId: number }
  | { command: 'ChangeAvailability'; connectorId: number; type: 'Operative' | 'Inoperative' }
  | { command: 'ClearCache' }
  | { command: 'TriggerMessage'; requestedMessage: CommandPayloads['TriggerMessage']['requestedMessage'] }
  | { command: 'GetConfiguration' }
  | { command: 'ChangeConfiguration'; key: string; value: string };

// The OCPP 1.6 request for what the user asked on the charger page.
export function commandPayload(request: CommandRequest): { action: CommandAction; payload: CommandPayloads[CommandAction] } {
  switch (request.command) {
    case 'Reset':
      return { action: 'Reset', payload: { type: request.type } };
    case 'UnlockConnector':
      return { action: 'UnlockConnector', payload: { connectorId: request.connectorId } };
    case 'ChangeAvailability':
      return { action: 'ChangeAvailability', payload: { connectorId: request.connectorId, type: request.type } };
    case 'ClearCache':
      return { action: 'ClearCache', payload: {} };
    case 'TriggerMessage':
      return { action: 'TriggerMessage', payload: { requestedMessage: request.requestedMessage } };
    case 'GetConfiguration':
      return { action: 'GetConfiguration', payload: {} };
    case 'ChangeConfiguration':
      return { action: 'ChangeConfiguration', payload: { key: request.key, value: request.value } };
  }
}
