import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { cards } from './cards';
import { transactions } from './transactions';

export const priceBasis = pgEnum('price_basis', ['fixed', 'timeOfUse', 'dayAhead', 'personal']);
export type PriceBasis = (typeof priceBasis.enumValues)[number];

// A closed session's energy and cost, split at every change of price and at every midnight of the account's zone,
// so that a day, a month or any range of dates takes whole lines. Written once when the session closes; a later
// price change never rewrites them. Each line's cost is rounded half-up to the cent, and the session's cost is the
// sum of its lines. A line without a price was charged while no price was in force.
export const sessionCostLines = pgTable(
  'session_cost_lines',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: integer()
      .notNull()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    energyWh: bigint({ mode: 'number' }).notNull(),
    pricePerKwh: numeric({ precision: 12, scale: 4 }),
    currency: text(),
    cost: numeric({ precision: 14, scale: 2 }),
    basis: priceBasis(),
    // When the line was written (a session's lines are written when it closes, which a charger may report days late).
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('session_cost_lines_start_key').on(t.transactionId, t.startsAt),
    index('session_cost_lines_account_idx').on(t.accountId, t.startsAt),
    index('session_cost_lines_written_idx').on(t.accountId, t.createdAt),
    check('session_cost_lines_in_order', sql`${t.startsAt} <= ${t.endsAt}`),
    check('session_cost_lines_energy_not_negative', sql`${t.energyWh} >= 0`),
    check('session_cost_lines_priced_whole', sql`(${t.pricePerKwh} is null) = (${t.cost} is null) and (${t.cost} is null) = (${t.currency} is null)`),
  ],
);

export const statementStatus = pgEnum('statement_status', ['due', 'paid', 'refunded', 'void']);
export type StatementStatus = (typeof statementStatus.enumValues)[number];

// A month's statement, issued on the first of the next month for one member (userId) or one card (cardId) of an
// account: what is due is fixed when it is issued. Statements for any other range are read on the fly, not issued.
export const statements = pgTable(
  'statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    cardId: uuid().references(() => cards.id, { onDelete: 'set null' }),
    // Dates in the account's zone; the period ends before periodEnd.
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    sessionCount: integer().notNull(),
    energyWh: bigint({ mode: 'number' }).notNull(),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
    currency: text(),
    // What a member writes on a bank transfer; unique so the owner can match a payment to its statement.
    transferReference: text().notNull().unique(),
    status: statementStatus().notNull().default('due'),
    paidAt: timestamp({ withTimezone: true }),
    markedPaidBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One statement per currency: a month the account changed currency in has one for each.
    unique('statements_holder_period_key').on(t.accountId, t.userId, t.cardId, t.periodStart, t.currency).nullsNotDistinct(),
    index('statements_account_period_idx').on(t.accountId, t.periodStart),
    index('statements_user_idx').on(t.userId, t.periodStart),
    check('statements_period_in_order', sql`${t.periodStart} < ${t.periodEnd}`),
  ],
);

export type SessionCostLine = typeof sessionCostLines.$inferSelect;
export type Statement = typeof statements.$inferSelect;
