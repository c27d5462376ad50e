import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { cards } from './cards';
import { chargers } from './chargers';

// The id is the OCPP 1.6 transactionId, an integer the charger echoes back (§6.46 StartTransaction.conf). An OCPP 2.0.1
// charger names its transactions itself (TransactionType.transactionId, a string): that name is ocppTransactionId.
export const transactions = pgTable(
  'transactions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id),
    // The charger's account, copied at start (a charger never changes account): the session lists index on it.
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    connectorId: integer().notNull(),
    cardId: uuid().references(() => cards.id, { onDelete: 'set null' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Empty while a session started without a token (an OCPP 2.0.1 charger may start on plug-in); set when one comes.
    idTag: text().notNull(),
    // The idTagInfo status answered at start; a charger may have started before asking (§4.8).
    authorizationStatus: text().notNull(),
    meterStartWh: bigint({ mode: 'number' }).notNull(),
    meterStopWh: bigint({ mode: 'number' }),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    stoppedAt: timestamp({ withTimezone: true }),
    stopReason: text(),
    stopIdTag: text(),
    energyWh: bigint({ mode: 'number' }),
    // Priced at stop with the tariff in force then; a later tariff change never rewrites these.
    cost: numeric({ precision: 14, scale: 4 }),
    currency: text(),
    pricePerKwh: numeric({ precision: 12, scale: 4 }),
    isRemoteStarted: boolean().notNull().default(false),
    reservationId: integer(),
    // Set by the OCPP server's sweep while the session's charger has been away longer than its heartbeat interval
    // plus a margin: the charger has not confirmed the session is still running. Cleared when the charger is back.
    unconfirmedAt: timestamp({ withTimezone: true }),
    // A session a member of the account closed by hand (its charger away), with the reason they gave; a charger
    // that comes back later and sends its own StopTransaction overwrites the figures, never these two.
    closedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    closeNote: text(),
    ocppTransactionId: text(),
    // An OCPP 2.0.1 charger may send no energy reading with its Started event: meterStartWh is then a stand-in
    // until the session's first reading, which becomes its meter start.
    isMeterStartPending: boolean().notNull().default(false),
    // Some of the session's events were made while the charger was offline and delivered once it was back: its
    // readings arrived late. Only a charger that says so sets it (OCPP 2.0.1 TransactionEvent.offline; 1.6 has no flag).
    hasEventsSentOffline: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A charger that lost the StartTransaction.conf resends the same request; this key makes the retry a no-op.
    uniqueIndex('transactions_start_key').on(t.chargerId, t.connectorId, t.idTag, t.startedAt, t.meterStartWh),
    uniqueIndex('transactions_ocpp_transaction_key').on(t.chargerId, t.ocppTransactionId).where(sql`${t.ocppTransactionId} is not null`),
    index('transactions_charger_started_idx').on(t.chargerId, t.startedAt),
    index('transactions_open_idx').on(t.chargerId).where(sql`${t.stoppedAt} is null`),
    index('transactions_user_idx').on(t.userId),
    // The session lists, newest first (order by … desc puts nulls first, so the index must too to serve it).
    index('transactions_account_started_idx').on(t.accountId, t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The people who charged in an account, read by skipping from one user to the next.
    index('transactions_account_user_idx').on(t.accountId, t.userId),
    index('transactions_account_open_idx').on(t.accountId, t.startedAt).where(sql`${t.stoppedAt} is null`),
  ],
);

// Partitioned by month of sampled_at (0048_meter_values_by_month, written by hand: drizzle-kit cannot declare
// partitions), so that years of readings stay fast to write and a retention drops whole months. Hence the key holds
// sampled_at, the id comes from a plain sequence (PostgreSQL before 17 refuses identity columns on a partitioned
// table) and no foreign key may point here. Outliers (a charger's clock years off) land in meter_values_default.
export const meterValues = pgTable(
  'meter_values',
  {
    id: bigint({ mode: 'number' })
      .notNull()
      .default(sql`nextval('meter_values_id_seq')`),
    transactionId: integer().references(() => transactions.id),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id),
    connectorId: integer().notNull(),
    sampledAt: timestamp({ withTimezone: true }).notNull(),
    measurand: text().notNull(),
    phase: text(),
    unit: text(),
    context: text(),
    location: text(),
    // SampledValue.value is a string in OCPP 1.6; numeric is null for SignedData.
    value: text().notNull(),
    numericValue: doublePrecision(),
  },
  (t) => [
    primaryKey({ name: 'meter_values_pkey', columns: [t.id, t.sampledAt] }),
    index('meter_values_transaction_idx').on(t.transactionId, t.sampledAt),
    // A charger resends a MeterValues or StopTransaction whose answer it missed (the OCPP server was killed after
    // storing it, PostgreSQL went away at the commit), and a StopTransaction's transactionData often repeats the
    // samples already sent: an identical sample is one reading, stored once (the unit is part of it: 12 kWh is not
    // 12 Wh). Leads with (charger_id, sampled_at), so it also serves the reads by charger and time. NULLS NOT
    // DISTINCT needs PostgreSQL 15 (db/migrate.ts checks the server).
    unique('meter_values_sample_key')
      .on(t.chargerId, t.sampledAt, t.connectorId, t.measurand, t.phase, t.location, t.context, t.unit, t.value)
      .nullsNotDistinct(),
  ],
);

export type ChargingTransaction = typeof transactions.$inferSelect;
export type MeterValue = typeof meterValues.$inferSelect;
