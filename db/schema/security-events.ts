import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

// What chargers report in SecurityEventNotification (OCPP 1.6 security whitepaper): the type is one of the
// whitepaper's list or the charger's own, so it is kept as sent.
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    // The charger's clock at the event.
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    techInfo: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('security_events_charger_idx').on(t.chargerId, t.occurredAt)],
);

export type SecurityEvent = typeof securityEvents.$inferSelect;
