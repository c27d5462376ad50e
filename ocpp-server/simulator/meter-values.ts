import { DEFAULT_ELECTRICAL, type Electrical } from '../../domain/smart-charging/profile';
import type { MeterValuesRequest } from '../src/ocpp/v16';

type MeterReading = {
  connectorId: number;
  transactionId: number | null;
  meterWh: number;
  powerW: number;
  timestamp: string;
  measurands?: string[];
  electrical?: Electrical;
};
type SampledValue = MeterValuesRequest['meterValue'][number]['sampledValue'][number];


// One periodic sample as a 1.6 MeterValues.req: the energy register and the power drawn (its current per phase), or the measurands the
// charger was configured to sample (of those it offers: energy, power, current).
export function meterValuesRequest({ connectorId, transactionId, meterWh, powerW, timestamp, measurands, electrical = DEFAULT_ELECTRICAL }: MeterReading): MeterValuesRequest {
  const all: SampledValue[] = [
    { value: String(meterWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
    { value: String(powerW), measurand: 'Power.Active.Import', unit: 'W', context: 'Sample.Periodic' },
    { value: (powerW / (electrical.voltage * electrical.phases)).toFixed(1), measurand: 'Current.Import', unit: 'A', context: 'Sample.Periodic' },
  ];
  const wanted = new Set(measurands ?? ['Energy.Active.Import.Register', 'Power.Active.Import']);
  return {
    connectorId,
    ...(transactionId ? { transactionId } : {}),
    meterValue: [{ timestamp, sampledValue: all.filter((sample) => wanted.has(sample.measurand!)) }],
  };
}
