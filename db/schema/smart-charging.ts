import { boolean, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ChargingWindow } from '../../domain/smart-charging/charging-windows';
import type { CompositeSchedule } from '../../domain/smart-charging/composite';
import { users } from './accounts';
import { chargers, perChargerOfAccount } from './chargers';

// What the charger said of Smart Charging when provisioned (OCPP 1.6 §9.4): whether SupportedFeatureProfiles names
// it, and its limits; a key it does not report is null.
export const chargerSmartCharging = pgTable('charger_smart_charging', {
  chargerId: uuid()
    .primaryKey()
    .references(() => chargers.id, { onDelete: 'cascade' }),
  isSupported: boolean().notNull(),
  maxStackLevel: integer(),
  allowedRateUnits: text(),
  maxProfilesInstalled: integer(),
  readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// The owner's power settings for one charger, sent as charging profiles on save and at every provisioning run,
// and what the charger answered the last time.
export const chargerPowerSettings = pgTable('charger_power_settings', {
  ...perChargerOfAccount(),
  // Null: no maximum beyond the charger's own.
  maxPowerW: integer(),
  // Empty: charging at any time.
  windows: jsonb().$type<ChargingWindow[]>().notNull().default([]),
  // The zone the windows' times are in, the owner's when they saved them.
  timeZone: text().notNull(),
  // How the charger is wired, as the owner says: the phases it draws on (1 or 3) and their nominal voltage. Every
  // conversion between power and current on this charger uses them.
  phases: smallint().notNull().default(3),
  voltage: smallint().notNull().default(230),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // accepted | rejected | notSupported | noAnswer; null until sent once.
  sendOutcome: text(),
  sentAt: timestamp({ withTimezone: true }),
  // The charger's own GetCompositeSchedule answer after the last sending: what it will actually do.
  reportedSchedule: jsonb().$type<CompositeSchedule>(),
});

export type ChargerPowerSettings = typeof chargerPowerSettings.$inferSelect;
