import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SolarMode } from '../../domain/circuits/solar-hysteresis';
import { accounts } from './accounts';
import { chargers, perChargerOfAccount } from './chargers';
import { chargerCommands } from './commands';
import { transactions } from './transactions';

// A group of the account's chargers behind one fuse: its capacity in amperes on each phase, and the least current a
// session is given when it is given any.
export const circuits = pgTable(
  'circuits',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    capacityA: integer().notNull(),
    minCurrentA: integer().notNull().default(6),
    // The capacity the last plan divided; null until planned once. A plan tells by it that the capacity changed.
    plannedCapacityA: integer(),
    // At the grid connection: its budget follows the account's home meter feed (the house's other load is taken off
    // the fuse), and it may charge from solar surplus (CIRCUIT_SOLAR_MODES).
    followsMeterFeed: boolean().notNull().default(false),
    solarMode: text().$type<SolarMode>().notNull().default('off'),
    // Solar hysteresis: whether surplus charging is on, and since when the surplus has been on the other side of
    // the minimum (null: it has not crossed).
    isSolarCharging: boolean().notNull().default(false),
    solarCrossedAt: timestamp({ withTimezone: true }),
    // What the last plan read from the feed, shown on the page: null before a plan that followed it.
    plannedFeedLive: boolean(),
    plannedBudgetA: real(),
    plannedOtherLoadW: integer(),
    // When the reading that other load was worked out from was measured.
    plannedReadingAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('circuits_account_idx').on(t.accountId),
    // The feed measures one grid connection: two circuits each taking the house's load off their fuse would count it twice.
    uniqueIndex('circuits_one_feed_per_account').on(t.accountId).where(sql`${t.followsMeterFeed}`),
    check('circuits_solar_mode', sql`${t.solarMode} in ('off', 'surplus', 'minimumPlusSurplus')`),
  ],
);

// A charger is behind at most one circuit.
export const circuitChargers = pgTable(
  'circuit_chargers',
  {
    ...perChargerOfAccount(),
    circuitId: uuid()
      .notNull()
      .references(() => circuits.id, { onDelete: 'cascade' }),
    // The circuit's phase (1–3) a single-phase charger is wired to; a three-phase charger draws on all of them.
    phase: smallint().notNull().default(1),
    // The static share last sent as its TxDefaultProfile; null: to be sent (it joined, or it connected again).
    defaultShareA: real(),
    // Whether the last plan saw it online; null: it joined since. A plan tells by it that it was lost, came back or joined.
    plannedOnline: boolean(),
  },
  (t) => [index('circuit_chargers_circuit_idx').on(t.circuitId)],
);

// The current each running session behind a circuit was last sent (its TxProfile), shown live on the circuit's page.
export const circuitAllocations = pgTable(
  'circuit_allocations',
  {
    transactionId: integer()
      .primaryKey()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    circuitId: uuid()
      .notNull()
      .references(() => circuits.id, { onDelete: 'cascade' }),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    currentA: real().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('circuit_allocations_circuit_idx').on(t.circuitId)],
);

// Every limit the circuit sent, why, and (through its command) what the charger answered.
export const circuitChanges = pgTable(
  'circuit_changes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    circuitId: uuid()
      .notNull()
      .references(() => circuits.id, { onDelete: 'cascade' }),
    chargerId: uuid().references(() => chargers.id, { onDelete: 'set null' }),
    // null: the charger's static share (its TxDefaultProfile), else the session's own limit (its TxProfile).
    transactionId: integer().references(() => transactions.id, { onDelete: 'set null' }),
    currentA: real().notNull(),
    // A CircuitReason, and the charger whose event caused it.
    reason: text().notNull(),
    reasonChargerId: uuid().references(() => chargers.id, { onDelete: 'set null' }),
    commandId: uuid().references(() => chargerCommands.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('circuit_changes_circuit_idx').on(t.circuitId, t.id)],
);

export type Circuit = typeof circuits.$inferSelect;
