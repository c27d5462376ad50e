// OCPP 1.6 charge point → central system messages as handled here (shapes from the 1.6 JSON schemas,
// which ocpp-rpc's strict mode enforces before a handler runs).

export type IdTagInfo = {
  status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
  expiryDate?: string;
  parentIdTag?: string;
};

export type SampledValue = {
  value: string;
  context?: string;
  format?: 'Raw' | 'SignedData';
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
};

export type MeterValue = { timestamp: string; sampledValue: SampledValue[] };

export type V16Requests = {
  BootNotification: {
    chargePointVendor: string;
    chargePointModel: string;
    chargePointSerialNumber?: string;
    chargeBoxSerialNumber?: string;
    firmwareVersion?: string;
    iccid?: string;
    imsi?: string;
    meterType?: string;
    meterSerialNumber?: string;
  };
  Heartbeat: Record<string, never>;
  StatusNotification: {
    connectorId: number;
    errorCode: string;
    status: string;
    info?: string;
    timestamp?: string;
    vendorId?: string;
    vendorErrorCode?: string;
  };
  Authorize: { idTag: string };
  StartTransaction: { connectorId: number; idTag: string; meterStart: number; timestamp: string; reservationId?: number };
  StopTransaction: {
    transactionId: number;
    meterStop: number;
    timestamp: string;
    idTag?: string;
    reason?: string;
    transactionData?: MeterValue[];
  };
  MeterValues: { connectorId: number; transactionId?: number; meterValue: MeterValue[] };
  DataTransfer: { vendorId: string; messageId?: string; data?: string };
  DiagnosticsStatusNotification: { status: string };
  FirmwareStatusNotification: { status: string };
};

export type V16Responses = {
  BootNotification: { status: 'Accepted' | 'Pending' | 'Rejected'; currentTime: string; interval: number };
  Heartbeat: { currentTime: string };
  StatusNotification: Record<string, never>;
  Authorize: { idTagInfo: IdTagInfo };
  StartTransaction: { transactionId: number; idTagInfo: IdTagInfo };
  StopTransaction: { idTagInfo?: IdTagInfo };
  MeterValues: Record<string, never>;
  DataTransfer: { status: 'Accepted' | 'Rejected' | 'UnknownMessageId' | 'UnknownVendorId'; data?: string };
  DiagnosticsStatusNotification: Record<string, never>;
  FirmwareStatusNotification: Record<string, never>;
};

export type V16Action = keyof V16Requests;
