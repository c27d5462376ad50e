import type { MeterValuesRequest } from '../src/ocpp/v16';

type MeterReading = { connectorId: number; transactionId: number | null; meterWh: number; powerW: number; timestamp: string };

// One periodic sample as a 1.6 MeterValues.req: the energy register and the power drawn.
export function meterValuesRequest({ connectorId, transactionId, meterWh, powerW, timestamp }: MeterReading): MeterValuesRequest {
  return {
    connectorId,
    ...(transactionId ? { transactionId } : {}),
    meterValue: [
      {
        timestamp,
        sampledValue: [
          { value: String(meterWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
          { value: String(powerW), measurand: 'Power.Active.Import', unit: 'W', context: 'Sample.Periodic' },
        ],
      },
    ],
  };
}
