import { sql } from 'drizzle-orm';

// The newest reading of a measurand in the session `transactionRef` points at (a SQL expression for
// the transaction's id), scaled from the kilo unit (kWh, kW) to the base unit (Wh, W).
export function latestReading(transactionRef: string, measurand: 'Energy.Active.Import.Register' | 'Power.Active.Import') {
  const kiloUnit = measurand === 'Power.Active.Import' ? 'kW' : 'kWh';
  return sql<number | null>`(
    select mv.numeric_value * case when mv.unit = ${kiloUnit} then 1000 else 1 end from meter_values mv
    where mv.transaction_id = ${sql.raw(transactionRef)} and mv.measurand = ${measurand} and mv.phase is null
    order by mv.sampled_at desc limit 1)`;
}
