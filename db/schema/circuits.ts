import { bigint, boolean, index, integer, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('circuits_account_idx').on(t.accountId)],
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
