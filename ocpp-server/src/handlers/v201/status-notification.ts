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
// and would turn a charging connector into Preparing: it is not stored then, which the group-committed write itself
// decides (recordConnectorStatusOutsideSession), so the charger waits for one round trip, not two.
export const statusNotification: V201Handler<'StatusNotification'> = async (ctx, request) => {
  const { charger, store } = ctx;
  const status = STATUS[request.connectorStatus];
  const connectorId = await connectorOfEvse(ctx, { evseId: request.evseId, connectorId: request.connectorId });
  const record = request.connectorStatus === 'Occupied' ? store.recordConnectorStatusOutsideSession : store.recordConnectorStatus;
  await record({
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
