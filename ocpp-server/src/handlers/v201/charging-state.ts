import type { ChargingStateEnumType } from '../../ocpp/v201';

// 2.0.1 tells whether an EVSE charges in TransactionEvent's chargingState, not in its StatusNotification (which only
// says Occupied): onto the connector statuses the platform keeps. Idle is a cable in without a session (Preparing
// too, until the charger reports Available).
export const CONNECTOR_STATUS_OF_CHARGING_STATE: Record<ChargingStateEnumType, string> = {
  EVConnected: 'Preparing',
  Charging: 'Charging',
  SuspendedEV: 'SuspendedEV',
  SuspendedEVSE: 'SuspendedEVSE',
  Idle: 'Preparing',
};
