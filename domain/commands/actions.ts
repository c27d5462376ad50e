import type { CommandStatus } from '../../db/schema';
import type { ChargingProfile, ChargingProfilePurpose, ChargingRateUnit } from '../smart-charging/profile';

// Platform → charger calls of OCPP 1.6 the command bus carries; payloads follow the 1.6 .req schemas.
export type CommandPayloads = {
  // §5.11: a TxProfile (no transactionId) the charger binds to the transaction it starts.
  RemoteStartTransaction: { idTag: string; connectorId?: number; chargingProfile?: ChargingProfile };
  RemoteStopTransaction: { transactionId: number };
  Reset: { type: 'Hard' | 'Soft' };
  UnlockConnector: { connectorId: number };
  ChangeAvailability: { connectorId: number; type: 'Inoperative' | 'Operative' };
  GetConfiguration: { key?: string[] };
  ChangeConfiguration: { key: string; value: string };
  ClearCache: Record<string, never>;
  TriggerMessage: {
    requestedMessage:
      | 'BootNotification'
      | 'DiagnosticsStatusNotification'
      | 'FirmwareStatusNotification'
      | 'Heartbeat'
      | 'MeterValues'
      | 'StatusNotification';
    connectorId?: number;
  };
  SendLocalList: {
    listVersion: number;
    updateType: 'Full' | 'Differential';
    localAuthorizationList?: LocalAuthorization[];
  };
  // OCPP 1.6 §5.13: the connector is held for idTag until expiryDate; the charger echoes reservationId in StartTransaction.
  ReserveNow: { connectorId: number; expiryDate: string; idTag: string; reservationId: number };
  CancelReservation: { reservationId: number };
  // OCPP 1.6 §5.6: a vendor-specific request; the charger answers with a status and, maybe, data of its own.
  DataTransfer: { vendorId: string; messageId?: string; data?: string };
  // OCPP 1.6 §5.7: the charger uploads its diagnostics to location and answers with the file's name (none: nothing to send).
  GetDiagnostics: { location: string; retries?: number; retryInterval?: number; startTime?: string; stopTime?: string };
  // OCPP 1.6 §5.19: the charger fetches the file at location from retrieveDate on; the .conf carries nothing.
  UpdateFirmware: { location: string; retrieveDate: string; retries?: number; retryInterval?: number };
  // OCPP 1.6 §5.16, §5.5, §5.7 (Smart Charging): install a profile, remove profiles matching the criteria, and read
  // back the limits the charger will apply on a connector (0: the charger as a whole) for the next `duration` seconds.
  SetChargingProfile: { connectorId: number; csChargingProfiles: ChargingProfile };
  ClearChargingProfile: { id?: number; connectorId?: number; chargingProfilePurpose?: ChargingProfilePurpose; stackLevel?: number };
  GetCompositeSchedule: { connectorId: number; duration: number; chargingRateUnit?: ChargingRateUnit };
  // 1.6 security whitepaper: the root certificates the charger trusts, named again by their hash data.
  InstallCertificate: { certificateType: CertificateUse; certificate: string };
  GetInstalledCertificateIds: { certificateType: CertificateUse };
  DeleteCertificate: { certificateHashData: CertificateHashData };
  // Security whitepaper §4.2: GetDiagnostics' successor; the LogStatusNotifications carry requestId.
  GetLog: {
    log: { remoteLocation: string; oldestTimestamp?: string; latestTimestamp?: string };
    logType: LogType;
    requestId: number;
    retries?: number;
    retryInterval?: number;
  };
  // Security whitepaper §4.3: TriggerMessage with the whitepaper's messages (LogStatusNotification, SignChargePointCertificate).
  ExtendedTriggerMessage: { requestedMessage: ExtendedTriggerableMessage; connectorId?: number };
  // Security whitepaper §4.4: UpdateFirmware with the file's signature and the certificate that made it.
  SignedUpdateFirmware: {
    requestId: number;
    retries?: number;
    retryInterval?: number;
    firmware: { location: string; retrieveDateTime: string; installDateTime?: string; signingCertificate: string; signature: string };
  };
  // Security whitepaper §4.1: the certificate the platform CA signed from the charger's SignCertificate, with the CA.
  // A charger that names the certificate's use in its request (OCPP 2.0.1 A02) has it named back.
  CertificateSigned: { certificateChain: string; certificateType?: CertificateSigningUse };
  // Not an OCPP call of its own: the OCPP server makes the password up as it sends it, a ChangeConfiguration of
  // AuthorizationKey (1.6 Security Whitepaper), so that no table and no log ever holds it.
  ChangeChargerPassword: Record<string, never>;
  // Not an OCPP call of its own either: a ChangeConfiguration of SecurityProfile (1.6 security whitepaper), with the
  // platform told to let the charger in under the higher profile once it reconnects meeting it.
  RaiseSecurityProfile: { securityProfile: 2 | 3 };
  // OCPP 2.0.1 device model (§B07, §B06, §B05): a report of the charger's components and variables, which it sends
  // back in NotifyReport parts carrying requestId; and variables read or set by name. A 1.6 charger has none.
  GetBaseReport: { requestId: number; reportBase: 'FullInventory' | 'ConfigurationInventory' };
  GetVariables: { variables: DeviceVariableRef[] };
  SetVariables: { variables: (DeviceVariableRef & { value: string })[] };
};

// A variable attribute of a 2.0.1 device model: '' for an instance not named, EVSE 0 for the station as a whole.
export type DeviceVariableRef = {
  componentName: string;
  componentInstance: string;
  evseId: number;
  connectorId: number;
  variableName: string;
  variableInstance: string;
  attributeType: string;
};

export const DEVICE_MODEL_ACTIONS = ['GetBaseReport', 'GetVariables', 'SetVariables'] as const;
export type DeviceModelAction = (typeof DEVICE_MODEL_ACTIONS)[number];

export type CertificateUse = 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';
export type CertificateSigningUse = 'ChargingStationCertificate' | 'V2GCertificate';
export type CertificateHashData = { hashAlgorithm: 'SHA256' | 'SHA384' | 'SHA512'; issuerNameHash: string; issuerKeyHash: string; serialNumber: string };

export const LOG_TYPES = ['DiagnosticsLog', 'SecurityLog'] as const;
export type LogType = (typeof LOG_TYPES)[number];

export const EXTENDED_TRIGGERABLE_MESSAGES = [
  'BootNotification',
  'LogStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'SignChargePointCertificate',
  'StatusNotification',
] as const;
export type ExtendedTriggerableMessage = (typeof EXTENDED_TRIGGERABLE_MESSAGES)[number];

// OCPP 1.6 §7.3 AuthorizationData: an entry of the Local Authorization List.
export type LocalAuthorization = {
  idTag: string;
  idTagInfo?: { status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid'; expiryDate?: string };
};

export type CommandAction = keyof CommandPayloads;
// The commands sent as the OCPP call of the same name.
export type OcppCommandAction = Exclude<CommandAction, 'ChangeChargerPassword' | 'RaiseSecurityProfile' | DeviceModelAction>;

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
  'ReserveNow',
  'CancelReservation',
  'DataTransfer',
  'GetDiagnostics',
  'UpdateFirmware',
  'SetChargingProfile',
  'ClearChargingProfile',
  'GetCompositeSchedule',
  'InstallCertificate',
  'GetInstalledCertificateIds',
  'DeleteCertificate',
  'GetLog',
  'ExtendedTriggerMessage',
  'SignedUpdateFirmware',
  'CertificateSigned',
  'ChangeChargerPassword',
  'RaiseSecurityProfile',
  'GetBaseReport',
  'GetVariables',
  'SetVariables',
] as const satisfies readonly CommandAction[];

export const COMMAND_CHANNEL = 'charger_command';
export const COMMAND_RESULT_CHANNEL = 'charger_command_result';

export const FINAL_STATUSES = ['accepted', 'rejected', 'failed', 'timeout', 'offline', 'expired'] as const;
export type FinalCommandStatus = (typeof FINAL_STATUSES)[number];

export function isFinalStatus(status: CommandStatus): status is FinalCommandStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

export type CommandResultEvent = { id: string; chargerId: string; status: FinalCommandStatus };
