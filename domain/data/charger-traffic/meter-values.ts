import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../../db/client';
import { isIssuableId } from '../../charging/limits';
import { chargers, meterValues, transactions } from '../../../db/schema';
import type { ChargerRef, Notifying } from './chargers';
import { columnList, fromExcluded } from './columns';
import { chargerEventsOf, recordsetFrom, recordsetOf, recordsJson } from './recordset';
import { OWNER_CLOSE_REASON } from '../../sessions/stop-reasons';
import { batchStatement, executePrepared } from './prepared';

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
const SAMPLE_KEY = 'meter_values_sample_key';
const sampleKey = getTableConfig(meterValues).uniqueConstraints.find((constraint) => constraint.getName() === SAMPLE_KEY);
if (!sampleKey) throw new Error('meter_values has no meter_values_sample_key');
const sampleKeyProperties = Object.entries(getTableColumns(meterValues))
  .filter(([, column]) => sampleKey.columns.some((keyColumn) => keyColumn.name === column.name))
  .map(([property]) => property as keyof SampleRow);
if (sampleKeyProperties.length !== sampleKey.columns.length) throw new Error('the columns of meter_values_sample_key are not all in meter_values');

// SampledValue.value has no maximum length in OCPP 1.6, but it is part of meter_values_sample_key, whose index row
// PostgreSQL caps at 2,704 bytes: a longer value failed the statement (SQLSTATE 54000), and with it every other
// charger's samples in the batch. This leaves room for the key's other columns, all short enumerations, as UTF-8
// bytes since that is what the index holds. (OCPP 2.0.1 caps signedMeterData, the longest such value, at 2,500.)
export const MAX_SAMPLE_VALUE_BYTES = 2_500;

export function isStorableSample(sample: MeterSample) {
  return Buffer.byteLength(sample.value, 'utf8') <= MAX_SAMPLE_VALUE_BYTES;
}

// A Date by its milliseconds, the precision it holds: written as its ISO string, every key cost a toISOString.
const keyPart = (value: SampleRow[keyof SampleRow]) => (value instanceof Date ? value.getTime() : value);

// ON CONFLICT DO UPDATE may not touch a row twice in one statement: a reading repeated within one statement is
// sent once, linked to its session if any of its copies names one.
function uniqueSamples(rows: SampleRow[]) {
  const byKey = new Map<string, SampleRow>();
  for (const row of rows) {
    const key = JSON.stringify(sampleKeyProperties.map((property) => keyPart(row[property])));
    const kept = byKey.get(key);
    if (!kept || (kept.transactionId === null && row.transactionId !== null)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

const SAMPLE_FIELDS = {
  charger_id: meterValues.chargerId,
  connector_id: meterValues.connectorId,
  transaction_id: meterValues.transactionId,
  sampled_at: meterValues.sampledAt,
  measurand: meterValues.measurand,
  phase: meterValues.phase,
  unit: meterValues.unit,
  context: meterValues.context,
  location: meterValues.location,
  value: meterValues.value,
  numeric_value: meterValues.numericValue,
};
const sampleRecords = recordsetFrom(SAMPLE_FIELDS);
// The transaction id only if it is one of this charger's sessions (the join below), every other field as sent.
const sampleSelect = sql.join(
  Object.keys(SAMPLE_FIELDS).map((field) => (field === 'transaction_id' ? sql`${transactions.id}` : sql`v.${sql.identifier(field)}`)),
  sql`, `,
);
const chargersHeardRecords = recordsetOf({ charger_id: chargers.id, account_id: chargers.accountId });

// A sample already stored (the resend of a message whose answer the charger missed, or a StopTransaction's
// transactionData repeating a MeterValues reading) is not stored again: meter_values_sample_key. If the stored
// copy belongs to no session (MeterValues.transactionId is optional in OCPP 1.6) and this one does, the stored
// copy is linked to it, so the session's chart gets the point; a row already linked is left untouched.
// A charger may name a transaction this platform never issued (e.g. started while it pointed elsewhere), or
// another charger's: the join leaves those samples unlinked, kept for the charger. So does a reading stamped after
// its session's stop (some chargers send one last periodic sample just after their StopTransaction): linked, it
// would put more energy in the session's chart than its total. A session a member closed by hand is the exception,
// as its stop is the platform's guess until the charger's own StopTransaction (replayed after those readings) comes,
// and so is the StopTransaction's own transactionData (`isStopData`): it is that session's, whatever its stamp says.
function insertSamples(rows: SampleRow[], { isStopData = false }: { isStopData?: boolean } = {}): SQL {
  return insertSamplesFrom(sql`${samplesJson(rows)}`, { isStopData });
}

function samplesJson(rows: SampleRow[]) {
  return recordsJson<typeof SAMPLE_FIELDS>(
    uniqueSamples(rows).map((row) => ({
      charger_id: row.chargerId,
      connector_id: row.connectorId,
      transaction_id: row.transactionId !== null && isIssuableId(row.transactionId) ? row.transactionId : null,
      sampled_at: row.sampledAt,
      measurand: row.measurand,
      phase: row.phase,
      unit: row.unit,
      context: row.context,
      location: row.location,
      value: row.value,
      numeric_value: row.numericValue,
    })),
  );
}

// `onlyIf`: a condition on each sample's row `v` (e.g. that the statement it is a CTE of closed its session).
function insertSamplesFrom(records: SQL, { isStopData = false, onlyIf }: { isStopData?: boolean; onlyIf?: SQL } = {}): SQL {
  return sql`
    insert into ${meterValues} (${columnList(Object.values(SAMPLE_FIELDS))})
    select ${sampleSelect}
    from ${sampleRecords(records)}
    left join ${transactions} on ${transactions.id} = v.transaction_id and ${transactions.chargerId} = v.charger_id
      and (${sql.raw(isStopData ? 'true' : 'false')} or ${transactions.stoppedAt} is null or v.sampled_at <= ${transactions.stoppedAt} or ${transactions.stopReason} = ${OWNER_CLOSE_REASON})
    ${onlyIf ? sql`where ${onlyIf}` : sql``}
    on conflict on constraint ${sql.identifier(SAMPLE_KEY)} do update set ${fromExcluded([meterValues.transactionId])}
    where ${meterValues.transactionId} is null and excluded.transaction_id is not null`;
}

const insertBatchSamples = batchStatement((records) => insertSamplesFrom(records));

// The samples of a StopTransaction's transactionData, in the transaction that closes their session.
export async function insertStopSamples(db: Executor, target: SampleTarget, samples: MeterSample[]) {
  if (samples.length === 0) return;
  await db.execute(insertSamples(samples.map((sample) => ({ ...target, ...sample })), { isStopData: true }));
}

// The samples of many StopTransactions' transactionData, as a CTE of the statement that closes their sessions: each
// sample only `onlyIf` (a condition on its row `v`, e.g. that its session was closed by that statement). `records`:
// the parameter that carries stopSamplesJson.
export function stopSamplesInsert(records: SQL, onlyIf: SQL): SQL {
  return insertSamplesFrom(records, { isStopData: true, onlyIf });
}

export function stopSamplesJson(stops: { target: SampleTarget; samples: MeterSample[] }[]) {
  return samplesJson(stops.flatMap(({ target, samples }) => samples.map((sample) => ({ ...target, ...sample }))));
}

export type MeterValuesMessage = ChargerRef & { connectorId: number; transactionId?: number; samples: MeterSample[] };

// The busiest write of all (every sample of every session): the messages of many chargers in one statement,
// their NOTIFYs going out only when it commits.
export async function recordMeterValues(db: Database, messages: MeterValuesMessage[], { isNotifying = true }: Notifying = {}) {
  const rows = messages.flatMap(({ chargerId, connectorId, transactionId, samples }) =>
    samples.map((sample) => ({ chargerId, connectorId, transactionId: transactionId ?? null, ...sample })),
  );
  if (!isNotifying) {
    if (rows.length > 0) await insertBatchSamples(db, samplesJson(rows));
    return;
  }
  const chargersHeard = chargersHeardRecords(messages.map((message) => ({ charger_id: message.chargerId, account_id: message.accountId })));
  const notify = chargerEventsOf(chargersHeard, 'meter-values');
  await executePrepared(db, rows.length === 0 ? notify : sql`with inserted as (${insertSamples(rows)}) ${notify}`);
}
