import { parseChargerTime } from '../../ocpp/charger-time';
import type { ConnectorStatusEnumType } from '../../ocpp/v201';
import { connectorOfEvse } from './evse';
import type { V201Handler } from './types';

// Onto the connector statuses the platform keeps (1.6's): a 2.0.1 charger says only that a cable is in (Occupied);
// whether it charges comes in TransactionEvent's chargingState (charging-state.ts), so Occupied is Preparing here.
const STATUS: Record<ConnectorStatusEnumType, string> = {
  Available: 'Available',
  Occupied: 'Preparing',
  Reserved: 'Reserved',
  Unavailable: 'Unavailable',
  Faulted: 'Faulted',
};

export const statusNotification: V201Handler<'StatusNotification'> = async ({ charger, store }, request) => {
  const status = STATUS[request.connectorStatus];
  await store.recordConnectorStatus({
    ...charger,
    connectorId: connectorOfEvse(request.evseId, request.connectorId),
    status,
    // A fault's detail arrives in a NotifyEvent (notify-event.ts); the status alone names no error.
    errorCode: status === 'Faulted' ? 'OtherError' : 'NoError',
    info: null,
    vendorId: null,
    vendorErrorCode: null,
    statusAt: parseChargerTime(request.timestamp),
  });
  return {};
};
