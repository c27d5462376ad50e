import type { TransactionEventRequest } from '../../src/ocpp/v201';

export type Session201 = { transactionId: string; evseId: number; seqNo: number; meterWh: number; idTag: string | null; remoteStartId?: number };

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
    transactionInfo: { ...infoOf(session), chargingState: 'Charging' },
    evse: { id: session.evseId, connectorId: 1 },
    ...tokenOf(session),
    meterValue: meterValue(event, 'Transaction.Begin'),
  };
}

export function updatedEvent(event: EventOf): TransactionEventRequest {
  return {
    eventType: 'Updated',
    timestamp: event.timestamp,
    triggerReason: 'MeterValuePeriodic',
    seqNo: event.session.seqNo++,
    transactionInfo: { ...infoOf(event.session), chargingState: 'Charging' },
    meterValue: meterValue(event, 'Sample.Periodic'),
  };
}

export function endedEvent(event: EventOf, stoppedReason: 'Local' | 'Remote'): TransactionEventRequest {
  return {
    eventType: 'Ended',
    timestamp: event.timestamp,
    triggerReason: stoppedReason === 'Remote' ? 'RemoteStop' : 'StopAuthorized',
    seqNo: event.session.seqNo++,
    transactionInfo: { ...infoOf(event.session), chargingState: 'Idle', stoppedReason },
    meterValue: meterValue({ ...event, powerW: 0 }, 'Transaction.End'),
  };
}
