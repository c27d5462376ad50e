import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, chargerRequestColumns } from './charger-requests';

// An UpdateFirmware an owner asked for (OCPP 1.6 §5.19): either an uploaded file the web app serves to the charger
// at a tokened URL (only the token's sha-256 is kept), or a URL the owner gave.
export const firmwareUpdates = pgTable(
  'firmware_updates',
  {
    id: uuid().primaryKey().defaultRandom(),
    ...chargerRequestColumns(),
    fileName: text(),
    fileSize: integer(),
    sourceUrl: text(),
    tokenHash: text().unique(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    retrieveAt: timestamp({ withTimezone: true }).notNull(),
    retries: integer().notNull(),
    retryIntervalSeconds: integer().notNull(),
    // A SignedUpdateFirmware (security whitepaper §4.4): the PEM certificate and base64 signature sent with the file.
    signingCertificate: text(),
    signature: text(),
    // SignedUpdateFirmware's requestId: the charger's SignedFirmwareStatusNotifications name it.
    ocppRequestId: integer().generatedAlwaysAsIdentity(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('firmware_updates_charger_idx').on(t.chargerId, t.createdAt)],
);

// Apart from the update row, so that listing updates never reads the bytes.
export const firmwareFiles = pgTable('firmware_files', {
  updateId: uuid()
    .primaryKey()
    .references(() => firmwareUpdates.id, { onDelete: 'cascade' }),
  content: bytea().notNull(),
});

// Each FirmwareStatusNotification, kept as sent; 1.6 names no update in it, so it belongs to the charger's latest.
export const firmwareStatusReports = pgTable(
  'firmware_status_reports',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    updateId: uuid()
      .notNull()
      .references(() => firmwareUpdates.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('firmware_status_reports_update_idx').on(t.updateId, t.receivedAt)],
);

export type FirmwareUpdate = typeof firmwareUpdates.$inferSelect;
