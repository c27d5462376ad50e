import { hasOpenSession } from '../../../../domain/data/charger-traffic/ocpp-transactions';
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

// While a session runs, Occupied says nothing the TransactionEvents have not said better (Charging, SuspendedEV…),
// and would turn a charging connector into Preparing: it is not stored then.
export const statusNotification: V201Handler<'StatusNotification'> = async ({ charger, db, store }, request) => {
  const status = STATUS[request.connectorStatus];
  const connectorId = await connectorOfEvse(db, { chargerId: charger.chargerId, evseId: request.evseId, connectorId: request.connectorId });
  if (request.connectorStatus === 'Occupied' && (await hasOpenSession(db, { chargerId: charger.chargerId, connectorId }))) return {};
  await store.recordConnectorStatus({
    ...charger,
    connectorId,
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
