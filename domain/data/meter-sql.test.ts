import { eq } from 'drizzle-orm';
import { PgDialect, QueryBuilder } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { CASING } from '../../db/client';
import { transactions } from '../../db/schema';
import { latestReading } from './meter-sql';

describe('latestReading', () => {
  it('keeps the tables of its columns in a select field of a one-table query', () => {
    const query = new QueryBuilder(new PgDialect({ casing: CASING }))
      .select({ id: transactions.id, lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register') })
      .from(transactions)
      .where(eq(transactions.id, 1))
      .toSQL();
    expect(query.sql).toContain('where "meter_values"."transaction_id" = "transactions"."id" and "meter_values"."measurand" = $2');
  });
});
