import { sql } from 'drizzle-orm';
import { bigint, check, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { chargers } from './chargers';

// Append-only: a change inserts a row, so the tariff in force at any past moment stays answerable.
// A row without a price ends the previous one: for a charger it falls back to the account's tariff.
export const tariffs = pgTable(
  'tariffs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chargerId: uuid().references(() => chargers.id, { onDelete: 'cascade' }),
    pricePerKwh: numeric({ precision: 12, scale: 4 }),
    currency: text(),
    validFrom: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tariffs_lookup_idx').on(t.accountId, t.chargerId, t.validFrom),
    check('tariffs_price_has_currency', sql`(${t.pricePerKwh} is null) = (${t.currency} is null)`),
    check('tariffs_price_not_negative', sql`${t.pricePerKwh} >= 0`),
    check('tariffs_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type Tariff = typeof tariffs.$inferSelect;
export type NewTariff = typeof tariffs.$inferInsert;
