import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { chargers } from './chargers';

export const priceKind = pgEnum('price_kind', ['fixed', 'timeOfUse', 'dayAhead']);
export type PriceKind = (typeof priceKind.enumValues)[number];

// One period of a time-of-use price: whole hours of the account's local day [fromHour, toHour), across midnight when
// fromHour > toHour (22–6), on some days, in an
// optional season of months (fromMonth..toMonth, wrapping over the new year when fromMonth > toMonth).
export type TimeOfUsePeriod = {
  days: 'everyDay' | 'weekdays' | 'weekend';
  fromHour: number;
  toHour: number;
  fromMonth: number | null;
  toMonth: number | null;
  pricePerKwh: string;
};

// Append-only: a change inserts a row, so the price in force at any past moment stays answerable.
// A fixed row without a price ends the previous one: for a charger it falls back to the account's price.
// A time-of-use row keeps its prices in `periods`; a day-ahead row's price is the fallback for hours not imported.
export const tariffs = pgTable(
  'tariffs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chargerId: uuid().references(() => chargers.id, { onDelete: 'cascade' }),
    kind: priceKind().notNull().default('fixed'),
    pricePerKwh: numeric({ precision: 12, scale: 4 }),
    periods: jsonb().$type<TimeOfUsePeriod[]>(),
    currency: text(),
    validFrom: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tariffs_lookup_idx').on(t.accountId, t.chargerId, t.validFrom),
    check(
      'tariffs_kind_whole',
      sql`case ${t.kind}
        when 'timeOfUse' then ${t.periods} is not null and ${t.pricePerKwh} is null and ${t.currency} is not null
        when 'dayAhead' then ${t.periods} is null and ${t.pricePerKwh} is not null and ${t.currency} is not null
        else ${t.periods} is null and (${t.pricePerKwh} is null) = (${t.currency} is null) end`,
    ),
    check('tariffs_price_not_negative', sql`${t.pricePerKwh} >= 0`),
    check('tariffs_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type Tariff = typeof tariffs.$inferSelect;
export type NewTariff = typeof tariffs.$inferInsert;
