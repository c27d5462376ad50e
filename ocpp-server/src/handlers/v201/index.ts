import type { V201ChargerAction } from '../../ocpp/v201';
import { heartbeat } from '../v16/heartbeat';
import { securityEventNotification } from '../v16/security-event-notification';
import { authorize } from './authorize';
import { bootNotification } from './boot-notification';
import { notifyChargingLimit, reportChargingProfiles } from './charging-limits';
import { dataTransfer } from './data-transfer';
import { firmwareStatusNotification } from './firmware-status-notification';
import { logStatusNotification } from './log-status-notification';
import { meterValues } from './meter-values';
import { notifyEvent } from './notify-event';
import { notifyReport } from './notify-report';
import { reservationStatusUpdate } from './reservation-status-update';
import { signCertificate } from './sign-certificate';
import { statusNotification } from './status-notification';
import { transactionEvent } from './transaction-event';
import type { V201Handler } from './types';

// Heartbeat and SecurityEventNotification carry the same fields in both versions, so 1.6's handlers answer them.
export const v201: { [A in V201ChargerAction]?: V201Handler<A> } = {
  BootNotification: bootNotification,
  Heartbeat: heartbeat as V201Handler<'Heartbeat'>,
  StatusNotification: statusNotification,
  Authorize: authorize,
  TransactionEvent: transactionEvent,
  MeterValues: meterValues,
  NotifyEvent: notifyEvent,
  SecurityEventNotification: securityEventNotification as V201Handler<'SecurityEventNotification'>,
  DataTransfer: dataTransfer,
  NotifyReport: notifyReport,
  ReservationStatusUpdate: reservationStatusUpdate,
  FirmwareStatusNotification: firmwareStatusNotification,
  LogStatusNotification: logStatusNotification,
  SignCertificate: signCertificate,
  NotifyChargingLimit: notifyChargingLimit,
  ReportChargingProfiles: reportChargingProfiles,
};
