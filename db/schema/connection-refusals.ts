import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

// Why the OCPP server turned a charger's connection attempts away, one row per charger and reason (so a charger
// retrying every few seconds, or someone guessing its password, keeps a handful of rows, not thousands): how often,
// when first and last, from where. Never a password or anything else the charger sent as a secret.
export const connectionRefusals = pgTable(
  'connection_refusals',
  {
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    // domain/chargers/connection-refusals.ts
    reason: text().notNull(),
    count: integer().notNull(),
    firstAt: timestamp({ withTimezone: true }).notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
    remoteAddress: text(),
    // What the owner needs to mend it: the path the charger asked for, or the subprotocols it offered.
    detail: text(),
  },
  (t) => [primaryKey({ columns: [t.chargerId, t.reason] })],
);
