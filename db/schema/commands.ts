import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { chargers } from './chargers';

export const commandStatus = pgEnum('command_status', [
  'pending',
  'sent',
  'accepted',
  'rejected',
  'failed',
  'timeout',
  'offline',
  'expired',
]);
export type CommandStatus = (typeof commandStatus.enumValues)[number];

export const chargerCommands = pgTable(
  'charger_commands',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: commandStatus().notNull().default('pending'),
    response: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    claimedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('charger_commands_pending_idx').on(t.chargerId, t.createdAt).where(sql`${t.status} = 'pending'`),
    index('charger_commands_charger_idx').on(t.chargerId, t.createdAt),
  ],
);

export type ChargerCommand = typeof chargerCommands.$inferSelect;
