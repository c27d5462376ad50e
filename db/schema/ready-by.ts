import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChargingPlan } from '../../domain/ready-by/plan';
import { accounts, users } from './accounts';
import { chargers } from './chargers';
import { chargerCommands } from './commands';
import { transactions } from './transactions';

// A driver's cars, entered once, so that "ready by 80 %" becomes an energy amount.
export const cars = pgTable(
  'cars',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    batteryWh: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cars_user_name_idx').on(t.userId, sql`lower(${t.name})`), check('cars_battery_positive', sql`${t.batteryWh} > 0`)],
);

// A session's "ready by" plan, as sent to its charger. A plan sent with a remote start waits (no transaction yet)
// until the charger starts the transaction that remote start asked for; a plan goes when its session ends or on
// "charge now".
export const chargingPlans = pgTable(
  'charging_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    connectorId: integer().notNull(),
    transactionId: integer().references(() => transactions.id, { onDelete: 'cascade' }),
    // The RemoteStartTransaction that carried the plan: its StartTransaction binds it (OCPP 1.6 §5.11).
    commandId: uuid().references(() => chargerCommands.id, { onDelete: 'set null' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    plan: jsonb().$type<ChargingPlan>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charging_plans_transaction_idx').on(t.transactionId),
    uniqueIndex('charging_plans_command_idx').on(t.commandId),
    index('charging_plans_waiting_idx').on(t.chargerId, t.connectorId).where(sql`${t.transactionId} is null`),
  ],
);

export type Car = typeof cars.$inferSelect;
