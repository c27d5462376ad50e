import { transactions } from '../../db/schema';
import { latestReading } from './meter-sql';

// What a running session shows wherever it is listed: where, since when, and how far it has got (the charger's
// last energy reading against its meter start), and whether the charger still confirms it.
export const sessionProgressColumns = () => ({
  id: transactions.id,
  chargerId: transactions.chargerId,
  connectorId: transactions.connectorId,
  startedAt: transactions.startedAt,
  meterStartWh: transactions.meterStartWh,
  energyWh: transactions.energyWh,
  lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
  unconfirmedAt: transactions.unconfirmedAt,
});
