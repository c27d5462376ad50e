import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { CASING } from '../../../db/client';
import { chargerCommands, chargers, meterValues, ocppMessages } from '../../../db/schema';
import { assignments, columnList, fromExcluded } from './columns';
import { recordDefinition, recordsetOf, valuesOf } from './recordset';

const dialect = new PgDialect({ casing: CASING });
const render = (query: SQL) => dialect.sqlToQuery(query);

describe('SQL built from the Drizzle columns', () => {
  it('types each recordset field as the column it is stored in', () => {
    const definition = recordDefinition({
      charger_id: chargers.id,
      at: chargers.lastSeenAt,
      connector_id: meterValues.connectorId,
      numeric_value: meterValues.numericValue,
      payload: ocppMessages.payload,
      status: chargerCommands.status,
    });
    expect(render(definition).sql).toBe(
      '"charger_id" uuid, "at" timestamp with time zone, "connector_id" integer, "numeric_value" double precision, "payload" jsonb, "status" "command_status"',
    );
  });

  it('names columns as the database does, from the schema rather than from the query', () => {
    const renamed = pgTable('chargers', { id: uuid('charger_key'), seenAt: timestamp('seen', { withTimezone: true }), note: text() });
    expect(render(columnList([renamed.id, renamed.seenAt, renamed.note])).sql).toBe('"charger_key", "seen", "note"');
    expect(render(assignments(renamed, { seenAt: sql`v.at`, note: sql`v.note` })).sql).toBe('"seen" = v.at, "note" = v.note');
    expect(render(fromExcluded([renamed.seenAt])).sql).toBe('"seen" = excluded."seen"');
  });

  it('sends any number of rows as one jsonb parameter', () => {
    const records = recordsetOf({ charger_id: chargers.id, at: chargers.lastSeenAt });
    const rows = Array.from({ length: 1000 }, (_, index) => ({ charger_id: `id-${index}`, at: new Date(0) }));
    const query = render(records(rows));
    expect(query.sql).toBe('jsonb_to_recordset($1::text::jsonb) as v("charger_id" uuid, "at" timestamp with time zone)');
    expect(query.params).toHaveLength(1);
    expect(JSON.parse(query.params[0] as string)).toHaveLength(1000);
  });

  it('casts a list of values to its column type', () => {
    expect(render(valuesOf(['a', 'b'], chargers.id)).sql).toBe('select value::uuid from jsonb_array_elements_text($1::text::jsonb)');
  });

  // Checked by tsc (an unused @ts-expect-error fails it), never run.
  it('refuses at typecheck an assignment to a property the table lacks, and a row missing a field or of another type', () => {
    const records = recordsetOf({ charger_id: chargers.id, at: chargers.lastSeenAt });
    const typeChecks = () => [
      // @ts-expect-error -- chargers has no `lastSeen` (it is `lastSeenAt`)
      assignments(chargers, { lastSeen: sql`now()` }),
      // @ts-expect-error -- every row carries every field
      records([{ charger_id: 'x' }]),
      // @ts-expect-error -- `at` is stored in a timestamp column: a Date, not a number
      records([{ charger_id: 'x', at: 0 }]),
    ];
    expect(typeChecks).toBeTypeOf('function');
  });
});
