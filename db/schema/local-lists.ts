import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { perChargerOfAccount } from './chargers';

// An entry's idTagInfo as the charger holds it (OCPP 1.6 §7.24 IdTagInfo), keyed by idTag in `heldEntries`.
export type HeldIdTagInfo = { status: 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx'; expiryDate?: string; parentIdTag?: string };

// What the platform knows of one charger's Local Authorization List (OCPP 1.6 §3.5.3). The account's counter
// (`card_local_lists.version`) orders every change: a change sets `wantedVersion` of each of the account's
// chargers to the new count, and a sync that leaves the charger holding the list as it stood at count N sets
// `syncedVersion` to N, so the charger is in sync while syncedVersion >= wantedVersion.
export const chargerLocalLists = pgTable('charger_local_lists', {
  ...perChargerOfAccount(),
  // The listVersion the charger last Accepted from the platform and what it then held; null: unknown (a Full follows).
  acceptedVersion: integer(),
  heldEntries: jsonb().$type<Record<string, HeldIdTagInfo>>(),
  wantedVersion: integer().notNull().default(0),
  syncedVersion: integer(),
  // `supported`, `notSupported` (noted once, asked again only at the charger's next boot), or `unknown`.
  support: text().$type<'unknown' | 'supported' | 'notSupported'>().notNull().default('unknown'),
  // Why it is not supported (NotSupported, NotImplemented, disabled, notInProfiles, noList).
  supportNote: text(),
  // LocalAuthListMaxLength and SendLocalListMaxLength as the charger last reported them.
  maxLength: integer(),
  sendMaxLength: integer(),
  // The last sync: the charger's answer (Accepted, Failed, VersionMismatch…) or the platform's word (unchanged,
  // tooLarge, noAnswer), how it was sent, and how many entries the list needed.
  lastResult: text(),
  lastUpdateType: text().$type<'Full' | 'Differential'>(),
  lastEntryCount: integer(),
  lastSyncAt: timestamp({ withTimezone: true }),
});

export type ChargerLocalList = typeof chargerLocalLists.$inferSelect;
