import { sql } from 'drizzle-orm';
import { bigint, check, index, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { cards } from './cards';

// A person's own price (a member's, or a card's): free for the household, a tenant's price, an employer's reference
// price. Append-only like tariffs; a row without a price ends the previous one, and the charger's or account's
// price applies again.
export const personalPrices = pgTable(
  'personal_prices',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    cardId: uuid().references(() => cards.id, { onDelete: 'cascade' }),
    pricePerKwh: numeric({ precision: 12, scale: 4 }),
    currency: text(),
    validFrom: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personal_prices_user_idx').on(t.accountId, t.userId, t.validFrom),
    index('personal_prices_card_idx').on(t.accountId, t.cardId, t.validFrom),
    check('personal_prices_one_holder', sql`(${t.userId} is null) <> (${t.cardId} is null)`),
    check('personal_prices_price_has_currency', sql`(${t.pricePerKwh} is null) = (${t.currency} is null)`),
    check('personal_prices_not_negative', sql`${t.pricePerKwh} >= 0`),
    check('personal_prices_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

// Day-ahead market prices of an account, one per hour starting at startsAt (in the currency of the account's
// day-ahead price). May be negative, as the markets' are. A later import of the same hour replaces it; sessions
// already closed keep their cost lines.
export const dayAheadPrices = pgTable(
  'day_ahead_prices',
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    pricePerKwh: numeric({ precision: 12, scale: 4 }).notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.startsAt] })],
);

// Where the OCPP server fetches an account's day-ahead prices once a day, and how the last attempt went.
export const dayAheadFeeds = pgTable('day_ahead_feeds', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  url: text().notNull(),
  lastAttemptAt: timestamp({ withTimezone: true }),
  lastSuccessAt: timestamp({ withTimezone: true }),
  // A key of the DayAheadImport messages (and its line number, if any) so the page says it in the owner's language.
  lastError: text(),
  lastErrorLine: bigint({ mode: 'number' }),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type PersonalPrice = typeof personalPrices.$inferSelect;
export type DayAheadFeed = typeof dayAheadFeeds.$inferSelect;
