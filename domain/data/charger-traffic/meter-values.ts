import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { chargerEventsOf, recordset } from './recordset';

export type MeterSample = {
  sampledAt: Date;
  measurand: string;
  phase: string | null;
  unit: string | null;
  context: string | null;
  location: string | null;
  value: string;
  numericValue: number | null;
};

type SampleTarget = { chargerId: string; connectorId: number; transactionId: number | null };
type SampleRow = SampleTarget & MeterSample;

// One reading, one row: the columns of meter_values_sample_key, and the properties of a row they are stored from.
const sampleKey = getTableConfig(meterValues).uniqueConstraints.find((constraint) => constraint.getName() === 'meter_values_sample_key');
if (!sampleKey) throw new Error('meter_values has no meter_values_sample_key');
const sampleKeyProperties = Object.entries(getTableColumns(meterValues))
  .filter(([, column]) => sampleKey.columns.some((keyColumn) => keyColumn.name === column.name))
  .map(([property]) => property as keyof SampleRow);
if (sampleKeyProperties.length !== sampleKey.columns.length) throw new Error('the columns of meter_values_sample_key are not all in meter_values');

const INT4_MAX = 2 ** 31 - 1;

// ON CONFLICT DO UPDATE may not touch a row twice in one statement: a reading repeated within one statement is
// sent once, linked to its session if any of its copies names one.
function uniqueSamples(rows: SampleRow[]) {
  const byKey = new Map<string, SampleRow>();
  for (const row of rows) {
    const key = JSON.stringify(sampleKeyProperties.map((property) => row[property]));
    const kept = byKey.get(key);
    if (!kept || (kept.transactionId === null && row.transactionId !== null)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

const SAMPLE_COLUMNS =
  'charger_id uuid, connector_id integer, transaction_id integer, sampled_at timestamptz, measurand text, phase text, unit text, context text, location text, value text, numeric_value double precision';

// A sample already stored (the resend of a message whose answer the charger missed, or a StopTransaction's
// transactionData repeating a MeterValues reading) is not stored again: meter_values_sample_key. If the stored
// copy belongs to no session (MeterValues.transactionId is optional in OCPP 1.6) and this one does, the stored
// copy is linked to it, so the session's chart gets the point; a row already linked is left untouched.
// A charger may name a transaction this platform never issued (e.g. started while it pointed elsewhere), or
// another charger's: the join leaves those samples unlinked, kept for the charger.
function insertSamples(rows: SampleRow[]): SQL {
  const input = uniqueSamples(rows).map((row) => ({
    charger_id: row.chargerId,
    connector_id: row.connectorId,
    transaction_id: row.transactionId !== null && Number.isSafeInteger(row.transactionId) && Math.abs(row.transactionId) <= INT4_MAX ? row.transactionId : null,
    sampled_at: row.sampledAt,
    measurand: row.measurand,
    phase: row.phase,
    unit: row.unit,
    context: row.context,
    location: row.location,
    value: row.value,
    numeric_value: row.numericValue,
  }));
  return sql`
    insert into ${meterValues} (charger_id, connector_id, transaction_id, sampled_at, measurand, phase, unit, context, location, value, numeric_value)
    select v.charger_id, v.connector_id, t.id, v.sampled_at, v.measurand, v.phase, v.unit, v.context, v.location, v.value, v.numeric_value
    from ${recordset(input, SAMPLE_COLUMNS)}
    left join ${transactions} t on t.id = v.transaction_id and t.charger_id = v.charger_id
    on conflict on constraint meter_values_sample_key do update set transaction_id = excluded.transaction_id
    where ${meterValues.transactionId} is null and excluded.transaction_id is not null`;
}

export async function insertMeterSamples(db: Executor, target: SampleTarget, samples: MeterSample[]) {
  if (samples.length === 0) return;
  await db.execute(insertSamples(samples.map((sample) => ({ ...target, ...sample }))));
}

export type MeterValuesMessage = ChargerRef & { connectorId: number; transactionId?: number; samples: MeterSample[] };

// The busiest write of all (every sample of every session): the messages of many chargers in one statement,
// their NOTIFYs going out only when it commits.
export async function recordMeterValues(db: Database, messages: MeterValuesMessage[]) {
  const chargersHeard = recordset(
    messages.map((message) => ({ charger_id: message.chargerId, account_id: message.accountId })),
    'charger_id uuid, account_id uuid',
  );
  const rows = messages.flatMap(({ chargerId, connectorId, transactionId, samples }) =>
    samples.map((sample) => ({ chargerId, connectorId, transactionId: transactionId ?? null, ...sample })),
  );
  const notify = chargerEventsOf(chargersHeard, 'meter-values');
  await db.execute(rows.length === 0 ? notify : sql`with inserted as (${insertSamples(rows)}) ${notify}`);
}
