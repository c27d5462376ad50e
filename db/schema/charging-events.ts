import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chargers } from './chargers';

// What the OCPP server saw stand between a driver and charging, written where it decided it (a card refused at the
// reader or in a StartTransaction, a connector reporting a car not ready, a fault or a pause, and the Charging that
// ends them): the source of "why isn't it charging?". Bounded per charger (domain/data/charger-traffic/charging-events.ts).
export const chargingEvents = pgTable(
  'charging_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    // 0: the charger as a whole, as in OCPP 1.6 (an Authorize names no connector).
    connectorId: integer().notNull(),
    // domain/charging/charging-events.ts: `card` (code: why it was refused) or `status` (code: the reported status).
    kind: text().notNull(),
    code: text().notNull(),
    idTag: text(),
    // A status's errorCode (OCPP 1.6 §7.6 ChargePointErrorCode).
    errorCode: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('charging_events_charger_idx').on(t.chargerId, t.id)],
);

export type ChargingEvent = typeof chargingEvents.$inferSelect;
