import { fillPlaceholders, sql, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { CASING, type Database } from '../../../db/client';

const dialect = new PgDialect({ casing: CASING });

// Drizzle's db.execute sends a statement unnamed, so postgres.js first asks PostgreSQL for its parameters' types and
// waits for the answer before it binds them: two round trips, and a parse and plan on every call. The group-commit
// statements carry their rows in one jsonb parameter, so their text never changes: each is prepared once per
// connection, and from then on is one round trip with no parse. Only for such statements: postgres.js keeps every
// text it prepared for the life of the connection, so a text that varies (a list of values spelled out) would pile up.
export function executePrepared<Row extends Record<string, unknown> = Record<string, unknown>>(db: Database, query: SQL) {
  const { sql, params } = dialect.sqlToQuery(query);
  return db.$client.unsafe<Row[]>(sql, params as never[], { prepare: true });
}

const RECORDS = 'records';

// A group-commit statement whose one changing part is its batch's rows (recordsJson): `build` gets that parameter and
// the statement is compiled on its first call only: building and compiling the readings' and the message log's
// statements through Drizzle for every batch was about 6 % of the OCPP server's CPU under load.
export function batchStatement(build: (records: SQL) => SQL) {
  let compiled: Query | undefined;
  return (db: Database, records: string) => {
    compiled ??= dialect.sqlToQuery(build(sql`${sql.placeholder(RECORDS)}`));
    return db.$client.unsafe(compiled.sql, fillPlaceholders(compiled.params, { [RECORDS]: records }) as never[], { prepare: true });
  };
}
