import { getTableColumns, is, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { PgEnumColumn, PgEnumObjectColumn, type PgTable } from 'drizzle-orm/pg-core';
import { CASING } from '../../../db/client';

// Pieces of SQL for the statements the query builder cannot express (a jsonb recordset joined into an UPDATE, an
// upsert from a CTE), named and typed from the Drizzle columns: renaming a column in db/schema changes these
// statements, and renaming or dropping its property fails typecheck.
const casing = new CasingCache(CASING);

export function columnName(column: AnyColumn) {
  return casing.getColumnCasing(column);
}

// The column's type as PostgreSQL spells it (`timestamp with time zone`, `double precision`, an enum's name).
export function sqlTypeOf(column: AnyColumn): SQL {
  if (is(column, PgEnumColumn) || is(column, PgEnumObjectColumn)) return sql`${sql.identifier(column.enum.enumName)}`;
  return sql.raw(column.getSQLType());
}

// Bare column names, e.g. for `insert into t (…)` or `on conflict (…)`, where PostgreSQL refuses `"t"."c"`.
export function columnList(columns: AnyColumn[]) {
  return sql.join(
    columns.map((column) => sql.identifier(columnName(column))),
    sql`, `,
  );
}

type ColumnKey<T extends PgTable> = keyof T['_']['columns'] & string;

// `set "is_online" = true, "connected_at" = v.at`: an UPDATE's assignments, keyed by the table's properties.
export function assignments<T extends PgTable>(table: T, values: Partial<Record<ColumnKey<T>, SQL>>) {
  const columns = getTableColumns(table) as Record<string, AnyColumn>;
  return sql.join(
    Object.entries(values as Record<string, SQL>).map(([key, value]) => sql`${sql.identifier(columnName(columns[key]!))} = ${value}`),
    sql`, `,
  );
}

// In an upsert's `do update`, the value the conflicting insert brought for this column: `excluded.c`.
export function excludedValue(column: AnyColumn) {
  return sql`excluded.${sql.identifier(columnName(column))}`;
}

// An upsert's `do update set c = excluded.c, …` for these columns.
export function fromExcluded(columns: AnyColumn[]) {
  return sql.join(
    columns.map((column) => sql`${sql.identifier(columnName(column))} = ${excludedValue(column)}`),
    sql`, `,
  );
}
