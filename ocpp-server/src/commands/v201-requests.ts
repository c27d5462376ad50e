import type { Database } from '../../../db/client';
import type { CommandPayloads } from '../../../domain/commands/actions';
import { remoteStartIdOf } from '../../../domain/commands/remote-start-id';
import { ocppTransactionIdOf } from '../../../domain/data/charger-traffic/ocpp-transactions';
import { createRPCError } from '../ocpp/rpc';
import { deviceModelRequest } from './v201-device-model';
import type { MessageTriggerEnumType, V201Requests, V201ServerAction } from '../ocpp/v201';

type Command = { id: string; chargerId: string; action: string; payload: unknown };
export type V201Request = { [A in V201ServerAction]: { action: A; params: V201Requests[A] } }[V201ServerAction];

const notYet = (action: string) => createRPCError('NotSupported', `${action} is not available over OCPP 2.0.1 yet`);

// Our connector n is EVSE n's connector 1 (handlers/v201/evse.ts); connector 0, the charger as a whole, is no EVSE.
const evseOf = (connectorId: number | undefined) => (connectorId ? { evse: { id: connectorId } } : {});

function triggerRequest({ requestedMessage, connectorId }: CommandPayloads['TriggerMessage']): V201Request {
  if (requestedMessage === 'DiagnosticsStatusNotification') throw notYet('TriggerMessage DiagnosticsStatusNotification');
  const message: MessageTriggerEnumType = requestedMessage;
  // A StatusNotification is a connector's, so 2.0.1 wants the connector named with the EVSE.
  const evse = connectorId ? { evse: { id: connectorId, ...(message === 'StatusNotification' ? { connectorId: 1 } : {}) } } : {};
  return { action: 'TriggerMessage', params: { requestedMessage: message, ...evse } };
}

async function stopRequest(db: Database, command: Command): Promise<V201Request> {
  const { transactionId } = command.payload as CommandPayloads['RemoteStopTransaction'];
  const ocppTransactionId = await ocppTransactionIdOf(db, { chargerId: command.chargerId, transactionId });
  if (!ocppTransactionId) throw createRPCError('GenericError', `Session ${transactionId} has no OCPP 2.0.1 transaction id`);
  return { action: 'RequestStopTransaction', params: { transactionId: ocppTransactionId } };
}

// The command bus carries the platform's own commands (named and shaped after 1.6, domain/commands/actions.ts); a
// charger that speaks 2.0.1 gets each as the 2.0.1 request that does the same. Those with no counterpart here yet
// are refused before anything is sent, as NotSupported.
export async function toV201Request(db: Database, command: Command): Promise<V201Request> {
  switch (command.action) {
    case 'RemoteStartTransaction': {
      const { idTag, connectorId } = command.payload as CommandPayloads['RemoteStartTransaction'];
      // Central: a token the platform presents on its user's behalf (2.0.1 IdTokenEnumType).
      const params = { idToken: { idToken: idTag, type: 'Central' as const }, remoteStartId: remoteStartIdOf(command.id), ...(connectorId ? { evseId: connectorId } : {}) };
      return { action: 'RequestStartTransaction', params };
    }
    case 'RemoteStopTransaction':
      return stopRequest(db, command);
    case 'Reset': {
      const { type } = command.payload as CommandPayloads['Reset'];
      return { action: 'Reset', params: { type: type === 'Hard' ? 'Immediate' : 'OnIdle' } };
    }
    case 'UnlockConnector': {
      const { connectorId } = command.payload as CommandPayloads['UnlockConnector'];
      return { action: 'UnlockConnector', params: { evseId: connectorId, connectorId: 1 } };
    }
    case 'ChangeAvailability': {
      const { connectorId, type } = command.payload as CommandPayloads['ChangeAvailability'];
      return { action: 'ChangeAvailability', params: { operationalStatus: type, ...evseOf(connectorId) } };
    }
    case 'TriggerMessage':
      return triggerRequest(command.payload as CommandPayloads['TriggerMessage']);
    case 'ClearCache':
      return { action: 'ClearCache', params: {} };
    case 'DataTransfer':
      return { action: 'DataTransfer', params: command.payload as CommandPayloads['DataTransfer'] };
    default: {
      const request = deviceModelRequest(command);
      if (request) return request;
      throw notYet(command.action);
    }
  }
}
