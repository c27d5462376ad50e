import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
export const MESSAGE_TYPES = ['call', 'result', 'error'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

// Each charger's recent OCPP traffic for its page; the OCPP server trims it to the last few hundred. `seq` numbers
// a charger's messages (1, 2, 3, …) so that a trim deletes below one bound on (charger_id, seq) instead of counting
// back through the charger's rows.
export const ocppMessages = pgTable(
  'ocpp_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    direction: text().$type<MessageDirection>().notNull(),
    messageType: text().$type<MessageType>().notNull(),
    action: text(),
    messageId: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seq: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [index('ocpp_messages_charger_seq_idx').on(t.chargerId, t.seq)],
);

export const dataTransfers = pgTable(
  'data_transfers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    vendorId: text().notNull(),
    messageId: text(),
    data: text(),
    status: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('data_transfers_charger_idx').on(t.chargerId, t.createdAt)],
);

export type OcppMessage = typeof ocppMessages.$inferSelect;
