import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';

// Tokens an owner makes for a program that feeds the account (a home meter's readings); only the sha-256 is kept,
// the token itself is shown once. A revoked token stays listed, refused.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId, t.createdAt)],
);

// The site's power at its grid connection, as the household meter measured it: positive imported, negative
// exported (solar). Kept for a week (the OCPP server trims older rows).
export const gridPowerReadings = pgTable(
  'grid_power_readings',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    measuredAt: timestamp({ withTimezone: true }).notNull(),
    powerW: integer().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grid_power_readings_account_idx').on(t.accountId, t.measuredAt.desc()),
    index('grid_power_readings_received_idx').on(t.receivedAt),
    check('grid_power_readings_power_in_range', sql`${t.powerW} between -1000000 and 1000000`),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type GridPowerReading = typeof gridPowerReadings.$inferSelect;
