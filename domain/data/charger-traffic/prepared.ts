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

// A group-commit statement whose only changing parts are its named parameters (a batch's rows as recordsJson, a
// time): `build` gets each as a placeholder, and the statement is compiled on its first call only: building and
// compiling the readings' and the message log's statements through Drizzle for every batch was about 6 % of the OCPP
// server's CPU under load. `build` gets the first caller's handle only to build with (a query builder), never to run.
export function preparedStatement<Name extends string>(names: readonly Name[], build: (params: Record<Name, SQL>, db: Database) => SQL) {
  let compiled: Query | undefined;
  return <Row extends Record<string, unknown> = Record<string, unknown>>(db: Database, values: Record<Name, string>) => {
    compiled ??= dialect.sqlToQuery(build(Object.fromEntries(names.map((name) => [name, sql`${sql.placeholder(name)}`])) as Record<Name, SQL>, db));
    return db.$client.unsafe<Row[]>(compiled.sql, fillPlaceholders(compiled.params, values) as never[], { prepare: true });
  };
}

// The same for a statement whose one changing part is its batch's rows (recordsJson).
export function batchStatement(build: (records: SQL) => SQL) {
  const statement = preparedStatement(['records'], ({ records }) => build(records));
  return (db: Database, records: string) => statement(db, { records });
}
