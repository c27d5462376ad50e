import type { V16ChargerAction } from '../ocpp/v16';
import type { ActionTable } from './types';
import { v201 } from './v201';
import { authorize } from './v16/authorize';
import { bootNotification } from './v16/boot-notification';
import { dataTransfer } from './v16/data-transfer';
import { diagnosticsStatusNotification } from './v16/diagnostics-status-notification';
import { firmwareStatusNotification } from './v16/firmware-status-notification';
import { heartbeat } from './v16/heartbeat';
import { logStatusNotification } from './v16/log-status-notification';
import { meterValues } from './v16/meter-values';
import { securityEventNotification } from './v16/security-event-notification';
import { signCertificate } from './v16/sign-certificate';
import { signedFirmwareStatusNotification } from './v16/signed-firmware-status-notification';
import { startTransaction } from './v16/start-transaction';
import { statusNotification } from './v16/status-notification';
import { stopTransaction } from './v16/stop-transaction';
import type { V16Handler } from './v16/types';

const v16: { [A in V16ChargerAction]?: V16Handler<A> } = {
  BootNotification: bootNotification,
  Heartbeat: heartbeat,
  StatusNotification: statusNotification,
  Authorize: authorize,
  StartTransaction: startTransaction,
  StopTransaction: stopTransaction,
  MeterValues: meterValues,
  DataTransfer: dataTransfer,
  DiagnosticsStatusNotification: diagnosticsStatusNotification,
  FirmwareStatusNotification: firmwareStatusNotification,
  SecurityEventNotification: securityEventNotification,
  LogStatusNotification: logStatusNotification,
  SignedFirmwareStatusNotification: signedFirmwareStatusNotification,
  SignCertificate: signCertificate,
};

// Keyed by WebSocket subprotocol, in the server's order of preference. A charger keeps the version it was last
// served in while it offers it (auth.ts): one served in 1.6 that gains 2.0.1 with a firmware update stays on 1.6, so
// an open session is not continued as 2.0.1 transactions and its connectors keep their numbers; it stays on 1.6 while
// it offers 1.6. A charger never served yet that offers both is served in 2.0.1, the newer version, now that what an
// owner does with a charger has its 2.0.1 form (ocpp-server/README.md). Both tables map their messages onto the same
// domain/data/charger-traffic functions.
export const HANDLERS_BY_PROTOCOL: Record<string, ActionTable> = {
  'ocpp2.0.1': v201,
  'ocpp1.6': v16,
};

export const SUPPORTED_PROTOCOLS = Object.keys(HANDLERS_BY_PROTOCOL);
