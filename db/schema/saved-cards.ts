import { integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { paymentProvider } from './payments';

// The provider's customer that stands for a member of an account (a member of two accounts is two customers, each in
// that account's own Stripe).
export const paymentCustomers = pgTable(
  'payment_customers',
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: paymentProvider().notNull(),
    providerCustomerId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId, t.provider] }), unique('payment_customers_provider_key').on(t.provider, t.providerCustomerId, t.accountId)],
);

// The card a member saved for monthly settlement: what identifies it to them (brand, last four digits, expiry) and the
// provider's id of it. The card's number never reaches the platform. One per member and account; saving another
// replaces it.
export const savedCards = pgTable(
  'saved_cards',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: paymentProvider().notNull(),
    providerCustomerId: text().notNull(),
    providerPaymentMethodId: text().notNull(),
    brand: text().notNull(),
    last4: text().notNull(),
    expMonth: integer().notNull(),
    expYear: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('saved_cards_member_key').on(t.accountId, t.userId)],
);

export type SavedCard = typeof savedCards.$inferSelect;
