import type { CertificateHashData, CertificateUse, CommandAction, CommandPayloads } from './actions';

type CommandRequest =
  | { command: 'Reset'; type: 'Soft' | 'Hard' }
  | { command: 'UnlockConnector'; connectorId: number }
  | { command: 'ChangeAvailability'; connectorId: number; type: 'Operative' | 'Inoperative' }
  | { command: 'ClearCache' }
  | { command: 'TriggerMessage'; requestedMessage: CommandPayloads['TriggerMessage']['requestedMessage']; connectorId?: number }
  | { command: 'ExtendedTriggerMessage'; requestedMessage: CommandPayloads['ExtendedTriggerMessage']['requestedMessage']; connectorId?: number }
  | { command: 'DataTransfer'; vendorId: string; messageId?: string; data?: string }
  | { command: 'GetConfiguration' }
  | { command: 'ChangeConfiguration'; key: string; value: string }
  | { command: 'InstallCertificate'; certificateType: CertificateUse; certificate: string }
  | { command: 'GetInstalledCertificateIds'; certificateType: CertificateUse }
  | ({ command: 'DeleteCertificate' } & CertificateHashData);

// An optional field is left out of the request rather than sent empty (the 1.6 schemas refuse null).
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

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
      return { action: 'TriggerMessage', payload: { requestedMessage: request.requestedMessage, ...optional('connectorId', request.connectorId) } };
    case 'ExtendedTriggerMessage':
      return { action: 'ExtendedTriggerMessage', payload: { requestedMessage: request.requestedMessage, ...optional('connectorId', request.connectorId) } };
    case 'DataTransfer':
      return { action: 'DataTransfer', payload: { vendorId: request.vendorId, ...optional('messageId', request.messageId), ...optional('data', request.data) } };
    case 'GetConfiguration':
      return { action: 'GetConfiguration', payload: {} };
    case 'ChangeConfiguration':
      return { action: 'ChangeConfiguration', payload: { key: request.key, value: request.value } };
    case 'InstallCertificate':
      return { action: 'InstallCertificate', payload: { certificateType: request.certificateType, certificate: request.certificate } };
    case 'GetInstalledCertificateIds':
      return { action: 'GetInstalledCertificateIds', payload: { certificateType: request.certificateType } };
    case 'DeleteCertificate': {
      const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } = request;
      return { action: 'DeleteCertificate', payload: { certificateHashData: { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber } } };
    }
  }
}
