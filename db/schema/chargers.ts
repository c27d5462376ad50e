import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

export const chargers = pgTable(
  'chargers',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    identity: text().notNull(),
    name: text().notNull(),
    address: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    connectorCount: integer().notNull().default(1),
    // Null: the charger connects without HTTP Basic auth (OCPP Security Profile 0).
    passwordHash: text(),
    // A password sent to the charger as its AuthorizationKey that it has not logged in with yet. Until it does,
    // this and passwordHash both let it in: a charger that took the key but whose answer was lost is not locked out.
    nextPasswordHash: text(),
    // OCPP 1.6 security whitepaper §2: 1 Basic auth over ws or wss, 2 Basic auth over TLS only, 3 TLS with a client
    // certificate signed by the platform CA (domain/chargers/security-profile.ts).
    securityProfile: integer().notNull().default(1),
    // A higher profile sent to the charger (ChangeConfiguration of SecurityProfile) that it has not connected under
    // yet. It becomes securityProfile when the charger connects meeting it; until then the old profile still lets it in.
    nextSecurityProfile: integer(),
    vendor: text(),
    model: text(),
    serialNumber: text(),
    firmwareVersion: text(),
    ocppVersion: text(),
    firmwareStatus: text(),
    diagnosticsStatus: text(),
    lastBootAt: timestamp({ withTimezone: true }),
    lastHeartbeatAt: timestamp({ withTimezone: true }),
    lastSeenAt: timestamp({ withTimezone: true }),
    isOnline: boolean().notNull().default(false),
    connectedAt: timestamp({ withTimezone: true }),
    disconnectedAt: timestamp({ withTimezone: true }),
    // When the managers were told this outage passed the notice delay; cleared (and a "back" notice sent) at reconnect.
    offlineNoticeAt: timestamp({ withTimezone: true }),
    // The OCPP server process holding the socket; only that process claims the charger's commands.
    instanceId: text(),
    // Boot provisioning (OCPP 1.6 §9.1): the owner's choice for this charger, null for the platform's default.
    meterSampleIntervalSec: integer(),
    meterMeasurands: text().array(),
    // When the server last read the charger's configuration and set the keys above.
    provisionedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Soft delete: a removed charger keeps its sessions and meter values.
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('chargers_identity_key').on(t.identity).where(sql`${t.deletedAt} is null`),
    index('chargers_account_idx').on(t.accountId),
    // The chargers list, a page at a time by name.
    index('chargers_account_name_idx').on(t.accountId, t.name, t.id).where(sql`${t.deletedAt} is null`),
    index('chargers_instance_idx').on(t.instanceId).where(sql`${t.isOnline}`),
    check('chargers_security_profile_check', sql`${t.securityProfile} between 1 and 3`),
  ],
);

// What a StatusNotification reports (OCPP 1.6 §4.9); fresh builders for each table that stores it.
function reportedStatus() {
  return {
    status: text().notNull(),
    errorCode: text().notNull(),
    info: text(),
    vendorId: text(),
    vendorErrorCode: text(),
    // The charger's clock, when it sent one (optional in 1.6).
    statusAt: timestamp({ withTimezone: true }),
  };
}

// Connector 0 is the charge point as a whole (OCPP 1.6 §4.9 StatusNotification).
export const connectors = pgTable(
  'connectors',
  {
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    connectorId: integer().notNull(),
    ...reportedStatus(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chargerId, t.connectorId] })],
);

// Every StatusNotification as the charger sent it, late and replayed ones included; `connectors` holds the newest.
export const connectorStatusHistory = pgTable(
  'connector_status_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    connectorId: integer().notNull(),
    ...reportedStatus(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('connector_status_history_connector_idx').on(t.chargerId, t.connectorId, t.statusAt)],
);

// What the charger answered, key by key, the last time the server provisioned it: the value it was asked to
// take, the value it reported, and its answer (a ChangeConfiguration status, or the platform's own word for a key
// it does not know, a read-only key, or no answer).
export const chargerProvisioning = pgTable(
  'charger_provisioning',
  {
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    wanted: text().notNull(),
    reported: text(),
    outcome: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chargerId, t.key] })],
);

export type Charger = typeof chargers.$inferSelect;
export type NewCharger = typeof chargers.$inferInsert;
export type Connector = typeof connectors.$inferSelect;

// The key of a table holding one row per charger, with the account it belongs to (for account-scoped reads).
export function perChargerOfAccount() {
  return {
    chargerId: uuid()
      .primaryKey()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  };
}
