import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { CHARGER_EVENTS_CHANNEL, type ChargerEventKind } from '../../charging/charger-events';
import { sqlTypeOf } from './columns';

// PostgreSQL's jsonb refuses the NUL character (\u0000) and a lone UTF-16 surrogate (valid in a JSON string, as
// "\ud800", and kept by JSON.stringify), either of which one hostile charger could put in any string and so lose a
// whole batch; both are stored as U+FFFD instead. JSON.stringify escapes only lone surrogates, never a pair. An
// escaped backslash before "u0000" is left alone (an even run of backslashes is not an escape of the u).
const JSONB_REFUSED = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

export function jsonbSafe(json: string): string {
  // Most batches hold no escape at all: one scan for it, not the pattern's over every character.
  if (!json.includes('\\u')) return json;
  return json.replace(JSONB_REFUSED, (_match, evenBackslashes: string) => `${evenBackslashes}\\ufffd`);
}

// A text column refuses NUL too: a charger's free text (an error, a configuration value) keeps U+FFFD in its place.
export function textSafe(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

export type RecordColumns = Record<string, AnyColumn>;
type ValueOf<C extends AnyColumn> = C['_']['notNull'] extends true ? C['_']['data'] : C['_']['data'] | null;
export type RecordOf<F extends RecordColumns> = { [K in keyof F]: ValueOf<F[K]> };

// `charger_id uuid, at timestamp with time zone, …`: each field named by its key and typed as its column.
export function recordDefinition(fields: RecordColumns) {
  return sql.join(
    Object.entries(fields).map(([field, column]) => sql`${sql.identifier(field)} ${sqlTypeOf(column)}`),
    sql`, `,
  );
}

// The fields' names, e.g. the select list of `insert into t (…) select … from input`.
export function fieldList(fields: RecordColumns) {
  return sql.join(
    Object.keys(fields).map((field) => sql.identifier(field)),
    sql`, `,
  );
}

// Many rows as one bound parameter, `v`, its fields typed as the columns they are stored in (e.g.
// `{ charger_id: chargers.id, at: chargers.lastSeenAt }`): building and typing thousands of bound values per
// statement through the query builder costs more CPU than the statement.
// Sent as text: postgres.js would JSON-encode a parameter the server describes as jsonb a second time.
export function recordsetOf<F extends RecordColumns>(fields: F) {
  const from = recordsetFrom(fields);
  return (rows: RecordOf<F>[]) => from(sql`${recordsJson(rows)}`);
}

// The same relation from a parameter made apart (recordsJson), for a statement compiled once (prepared.ts).
export function recordsetFrom(fields: RecordColumns) {
  const definition = recordDefinition(fields);
  return (json: SQL) => sql`jsonb_to_recordset(${json}::text::jsonb) as v(${definition})`;
}

// A field of the relation recordsetOf and recordsetFrom make (its alias is v).
export const recordField = (name: string) => sql`${sql.identifier('v')}.${sql.identifier(name)}`;

export function recordsJson<F extends RecordColumns>(rows: RecordOf<F>[]) {
  return jsonbSafe(JSON.stringify(rows));
}

// Many ids or identities as one bound parameter, cast to `column`'s type: a query of one column, `value`, for
// `x in (${valuesOf(ids, chargers.id)})`.
export function valuesOf<C extends AnyColumn>(values: C['_']['data'][], column: C) {
  return sql`select value::${sqlTypeOf(column)} from jsonb_array_elements_text(${jsonbSafe(JSON.stringify(values))}::text::jsonb)`;
}

// The charger_events NOTIFY of each charger in `source` (a relation with charger_id and account_id), sent when
// the statement commits.
export function chargerEventsOf(source: SQL, kind: ChargerEventKind) {
  return sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, json_build_object('accountId', account_id, 'chargerId', charger_id, 'kind', ${kind}::text)::text)
    from (select distinct charger_id, account_id from ${source}) as event`;
}

// The last row per key: a statement may not update one row twice, and the latest message is what stands.
export function lastPerKey<Row>(rows: Row[], keyOf: (row: Row) => string) {
  return [...new Map(rows.map((row) => [keyOf(row), row])).values()];
}
