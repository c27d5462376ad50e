import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { meterValues } from '../../db/schema';

// The newest reading of a measurand in the session `transactionId` names (a column or a subquery of the outer
// query), scaled from the kilo unit (kWh, kW) to the base unit (Wh, W).
export function latestReading(transactionId: AnyColumn | SQL, measurand: 'Energy.Active.Import.Register' | 'Power.Active.Import') {
  const kiloUnit = measurand === 'Power.Active.Import' ? 'kW' : 'kWh';
  const reading = sql`
    select ${meterValues.numericValue} * case when ${meterValues.unit} = ${kiloUnit} then 1000 else 1 end from ${meterValues}
    where ${meterValues.transactionId} = ${transactionId} and ${meterValues.measurand} = ${measurand} and ${meterValues.phase} is null
    order by ${meterValues.sampledAt} desc limit 1`;
  // Nested rather than inline: in a select field of a one-table query, Drizzle drops the table from the columns
  // written directly in the field's SQL, and `transaction_id = id` would then compare meter_values with itself.
  return sql<number | null>`(${reading})`;
}
