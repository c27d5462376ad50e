import { sql } from 'drizzle-orm';
import { check, index, numeric, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { statements } from './statements';

export const paymentMethod = pgEnum('payment_method', ['manual', 'stripe']);
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];

// How an account's members settle their statements. Without a row the account settles by hand (manual). The Stripe
// keys are sealed under AUTH_SECRET; only their last four characters are kept in the clear, to show which key is set.
export const accountPaymentSettings = pgTable('account_payment_settings', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  method: paymentMethod().notNull().default('manual'),
  sealedStripeSecretKey: text(),
  stripeSecretKeyEnding: text(),
  sealedStripeWebhookSecret: text(),
  stripeWebhookSecretEnding: text(),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const paymentProvider = pgEnum('payment_provider', ['stripe']);
export type PaymentProviderName = (typeof paymentProvider.enumValues)[number];
export const paymentStatus = pgEnum('payment_status', ['pending', 'paid', 'expired', 'refunded', 'failed']);
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
// How the member paid: on the provider's checkout page, or by the provider charging the card they saved (off session).
export const paymentVia = pgEnum('payment_via', ['checkout', 'savedCard']);
export type PaymentVia = (typeof paymentVia.enumValues)[number];

// One attempt to pay a statement through a provider: a checkout opened (pending), then paid, expired or refunded; or a
// charge of the member's saved card (pending while in flight), then paid, or failed with the provider's decline code.
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    statementId: uuid()
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    provider: paymentProvider().notNull(),
    via: paymentVia().notNull().default('checkout'),
    providerCheckoutId: text(),
    providerPaymentId: text(),
    providerRefundId: text(),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    currency: text().notNull(),
    status: paymentStatus().notNull().default('pending'),
    refundedAmount: numeric({ precision: 14, scale: 2 }).notNull().default('0'),
    startedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    refundedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    failureCode: text(),
    // When the member was told their saved card was declined: each failed charge is told once.
    failureToldAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('payments_checkout_key').on(t.provider, t.providerCheckoutId),
    index('payments_statement_idx').on(t.statementId),
    index('payments_account_idx').on(t.accountId, t.createdAt),
    // A saved card is charged once per statement, whichever process or retry gets there.
    uniqueIndex('payments_saved_card_once').on(t.statementId).where(sql`${t.via} = 'savedCard'`),
    check('payments_checkout_named', sql`${t.via} <> 'checkout' or ${t.providerCheckoutId} is not null`),
    check('payments_refund_within_amount', sql`${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.amount}`),
  ],
);

// Every provider event acted on, by the provider's event id: a webhook delivered again finds its id here and
// changes nothing.
export const paymentWebhookEvents = pgTable(
  'payment_webhook_events',
  {
    provider: paymentProvider().notNull(),
    eventId: text().notNull(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Per account: one Stripe account behind two of the platform's accounts sends each event to both their endpoints.
  (t) => [unique('payment_webhook_events_key').on(t.provider, t.accountId, t.eventId)],
);

export type AccountPaymentSettings = typeof accountPaymentSettings.$inferSelect;
export type Payment = typeof payments.$inferSelect;
