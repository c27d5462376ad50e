// The OCPP versions whose schemas ocpp-rpc ships and that get generated types. The schemas do not say who
// sends a message, so each version lists its actions by initiator; the generator refuses a schema set that
// has an action missing here or lacks one listed, so an ocpp-rpc upgrade that changes them is noticed.
export type OcppVersion = {
  // Prefix of the generated maps (`V16Requests`, `V16ChargerAction` …).
  prefix: string;
  schemaFile: string;
  outFile: string;
  // Calls the charger sends (charge point → central system in 1.6, charging station → CSMS in 2.0.1).
  chargerActions: readonly string[];
  // Calls the server sends and the charger answers.
  serverActions: readonly string[];
};

// OCPP 1.6 edition 2 §4 (charge point initiated) and §5 (central system initiated), plus the messages of the
// whitepaper "Improved security for OCPP 1.6-J", which ocpp-rpc's 1.6 schema set includes.
const V16: OcppVersion = {
  prefix: 'V16',
  schemaFile: 'ocpp1_6.json',
  outFile: 'ocpp-server/src/ocpp/generated/v16.ts',
  chargerActions: [
    'Authorize',
    'BootNotification',
    'DataTransfer',
    'DiagnosticsStatusNotification',
    'FirmwareStatusNotification',
    'Heartbeat',
    'LogStatusNotification',
    'MeterValues',
    'SecurityEventNotification',
    'SignCertificate',
    'SignedFirmwareStatusNotification',
    'StartTransaction',
    'StatusNotification',
    'StopTransaction',
  ],
  serverActions: [
    'CancelReservation',
    'CertificateSigned',
    'ChangeAvailability',
    'ChangeConfiguration',
    'ClearCache',
    'ClearChargingProfile',
    'DataTransfer',
    'DeleteCertificate',
    'ExtendedTriggerMessage',
    'GetCompositeSchedule',
    'GetConfiguration',
    'GetDiagnostics',
    'GetInstalledCertificateIds',
    'GetLocalListVersion',
    'GetLog',
    'InstallCertificate',
    'RemoteStartTransaction',
    'RemoteStopTransaction',
    'ReserveNow',
    'Reset',
    'SendLocalList',
    'SetChargingProfile',
    'SignedUpdateFirmware',
    'TriggerMessage',
    'UnlockConnector',
    'UpdateFirmware',
  ],
};

// OCPP 2.0.1 part 2 (specification), the initiator of each use case's messages. PublishFirmware and
// UnpublishFirmware go to a local controller, which answers as a charging station would.
const V201: OcppVersion = {
  prefix: 'V201',
  schemaFile: 'ocpp2_0_1.json',
  outFile: 'ocpp-server/src/ocpp/generated/v201.ts',
  chargerActions: [
    'Authorize',
    'BootNotification',
    'ClearedChargingLimit',
    'DataTransfer',
    'FirmwareStatusNotification',
    'Get15118EVCertificate',
    'GetCertificateStatus',
    'Heartbeat',
    'LogStatusNotification',
    'MeterValues',
    'NotifyChargingLimit',
    'NotifyCustomerInformation',
    'NotifyDisplayMessages',
    'NotifyEVChargingNeeds',
    'NotifyEVChargingSchedule',
    'NotifyEvent',
    'NotifyMonitoringReport',
    'NotifyReport',
    'PublishFirmwareStatusNotification',
    'ReportChargingProfiles',
    'ReservationStatusUpdate',
    'SecurityEventNotification',
    'SignCertificate',
    'StatusNotification',
    'TransactionEvent',
  ],
  serverActions: [
    'CancelReservation',
    'CertificateSigned',
    'ChangeAvailability',
    'ClearCache',
    'ClearChargingProfile',
    'ClearDisplayMessage',
    'ClearVariableMonitoring',
    'CostUpdated',
    'CustomerInformation',
    'DataTransfer',
    'DeleteCertificate',
    'GetBaseReport',
    'GetChargingProfiles',
    'GetCompositeSchedule',
    'GetDisplayMessages',
    'GetInstalledCertificateIds',
    'GetLocalListVersion',
    'GetLog',
    'GetMonitoringReport',
    'GetReport',
    'GetTransactionStatus',
    'GetVariables',
    'InstallCertificate',
    'PublishFirmware',
    'RequestStartTransaction',
    'RequestStopTransaction',
    'ReserveNow',
    'Reset',
    'SendLocalList',
    'SetChargingProfile',
    'SetDisplayMessage',
    'SetMonitoringBase',
    'SetMonitoringLevel',
    'SetNetworkProfile',
    'SetVariableMonitoring',
    'SetVariables',
    'TriggerMessage',
    'UnlockConnector',
    'UnpublishFirmware',
    'UpdateFirmware',
  ],
};

export const OCPP_VERSIONS: readonly OcppVersion[] = [V16, V201];
