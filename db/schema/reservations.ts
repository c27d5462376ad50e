import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { cards } from './cards';
import { chargers } from './chargers';
import { featureSupportColumns } from './feature-support';
import { transactions } from './transactions';

// pending: ReserveNow sent, no answer yet; refused: the charger (or its absence) said no, in `chargerAnswer`;
// active: Accepted, until it is used by a StartTransaction, cancelled, or reaches its expiry.
export const reservationStatus = pgEnum('reservation_status', ['pending', 'active', 'used', 'expired', 'cancelled', 'refused']);
export type ReservationStatus = (typeof reservationStatus.enumValues)[number];

// The id is the OCPP 1.6 reservationId, an integer the charger echoes in StartTransaction (§5.13, §6.45).
export const reservations = pgTable(
  'reservations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    connectorId: integer().notNull(),
    cardId: uuid().references(() => cards.id, { onDelete: 'set null' }),
    idTag: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    status: reservationStatus().notNull().default('pending'),
    // The ReserveNow.conf status (Accepted, Faulted, Occupied, Rejected, Unavailable), a CALLERROR code
    // (NotImplemented, NotSupported…), or the command bus's own word when no answer came (offline, timeout, expired).
    chargerAnswer: text(),
    transactionId: integer().references(() => transactions.id),
    cancelledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One reservation at a time per connector: a second request for it is refused by the database, not by a race.
    uniqueIndex('reservations_open_connector_key').on(t.chargerId, t.connectorId).where(sql`${t.status} in ('pending', 'active')`),
    index('reservations_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} in ('pending', 'active')`),
  ],
);

// Whether a charger implements the Reservation profile (OCPP 1.6 §3.4 SupportedFeatureProfiles), from its
// configuration or from how it answered a ReserveNow (`SupportedFeatureProfiles`, the answer, or the CALLERROR code).
export const reservationSupport = pgTable('reservation_support', featureSupportColumns());

export type Reservation = typeof reservations.$inferSelect;
