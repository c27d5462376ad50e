import type { TransactionEventRequest } from '../../src/ocpp/v201';

// isSuspended: its charging profiles hold it at 0 W (chargingState SuspendedEVSE); reservationId: the reservation its
// start used, named in the Started event (E01).
export type Session201 = {
  transactionId: string;
  evseId: number;
  // The EVSE's connector the car is plugged into.
  connectorId: number;
  seqNo: number;
  meterWh: number;
  idTag: string | null;
  remoteStartId?: number;
  isSuspended?: boolean;
  reservationId?: number;
};

const stateOf = (session: Session201) => (session.isSuspended ? ('SuspendedEVSE' as const) : ('Charging' as const));

type EventOf = { session: Session201; powerW: number; timestamp: string };

// The energy register (kWh with a multiplier, as many 2.0.1 meters report it) and the power drawn.
function meterValue({ session, powerW, timestamp }: EventOf, context: 'Transaction.Begin' | 'Sample.Periodic' | 'Transaction.End') {
  return [
    {
      timestamp,
      sampledValue: [
        { value: session.meterWh / 1000, measurand: 'Energy.Active.Import.Register' as const, context, unitOfMeasure: { unit: 'kWh' } },
        { value: powerW, measurand: 'Power.Active.Import' as const, context, unitOfMeasure: { unit: 'W' } },
      ],
    },
  ];
}

const infoOf = (session: Session201) => ({ transactionId: session.transactionId, ...(session.remoteStartId === undefined ? {} : { remoteStartId: session.remoteStartId }) });
const tokenOf = (session: Session201) => (session.idTag ? { idToken: { idToken: session.idTag, type: 'ISO14443' as const } } : {});

export function startedEvent(event: EventOf): TransactionEventRequest {
  const { session } = event;
  return {
    eventType: 'Started',
    timestamp: event.timestamp,
    triggerReason: session.remoteStartId === undefined ? 'Authorized' : 'RemoteStart',
    seqNo: session.seqNo++,
    transactionInfo: { ...infoOf(session), chargingState: stateOf(session) },
    evse: { id: session.evseId, connectorId: session.connectorId },
    ...tokenOf(session),
    ...(session.reservationId === undefined ? {} : { reservationId: session.reservationId }),
    meterValue: meterValue(event, 'Transaction.Begin'),
  };
}

// A periodic reading, or (ChargingStateChanged) the news that its profiles now hold it at 0 W or let it charge again.
export function updatedEvent(event: EventOf, triggerReason: 'MeterValuePeriodic' | 'ChargingStateChanged' = 'MeterValuePeriodic'): TransactionEventRequest {
  return {
    eventType: 'Updated',
    timestamp: event.timestamp,
    triggerReason,
    seqNo: event.session.seqNo++,
    transactionInfo: { ...infoOf(event.session), chargingState: stateOf(event.session) },
    meterValue: meterValue(event, 'Sample.Periodic'),
  };
}

// A reboot for new firmware ends a transaction through no trigger of its own list (E06): AbnormalCondition.
const TRIGGER_OF_STOP = { Local: 'StopAuthorized', Remote: 'RemoteStop', ImmediateReset: 'ResetCommand', Reboot: 'AbnormalCondition' } as const;

export function endedEvent(event: EventOf, stoppedReason: keyof typeof TRIGGER_OF_STOP): TransactionEventRequest {
  return {
    eventType: 'Ended',
    timestamp: event.timestamp,
    triggerReason: TRIGGER_OF_STOP[stoppedReason],
    seqNo: event.session.seqNo++,
    transactionInfo: { ...infoOf(event.session), chargingState: 'Idle', stoppedReason },
    meterValue: meterValue({ ...event, powerW: 0 }, 'Transaction.End'),
  };
}
