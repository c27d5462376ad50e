import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, chargerRequestColumns } from './charger-requests';

// One GetDiagnostics an owner asked for (OCPP 1.6 §5.7): the upload location sent to the charger carries a token of
// its own, of which only the sha-256 is kept; it admits one file until uploadExpiresAt.
export const diagnosticsRequests = pgTable(
  'diagnostics_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    ...chargerRequestColumns(),
    // GetLog's logType (DiagnosticsLog or SecurityLog, security whitepaper §4.2); none: a plain GetDiagnostics.
    logType: text(),
    // GetLog's requestId: the charger's LogStatusNotifications name it.
    ocppRequestId: integer().generatedAlwaysAsIdentity(),
    // The window of the charger's logs asked for; none: everything it has.
    startTime: timestamp({ withTimezone: true }),
    stopTime: timestamp({ withTimezone: true }),
    uploadTokenHash: text().notNull().unique(),
    uploadExpiresAt: timestamp({ withTimezone: true }).notNull(),
    // Set when the file is stored: the token admits nothing after that.
    uploadedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('diagnostics_requests_charger_idx').on(t.chargerId, t.createdAt)],
);

// The DiagnosticsStatusNotifications (Uploading, Uploaded, UploadFailed, Idle), or for a GetLog its
// LogStatusNotifications, the charger sent while a request was open.
export const diagnosticsStatusReports = pgTable(
  'diagnostics_status_reports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid()
      .notNull()
      .references(() => diagnosticsRequests.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('diagnostics_status_reports_request_idx').on(t.requestId, t.receivedAt)],
);

// The file a charger uploaded for a request, kept in PostgreSQL: the only storage both processes and every web
// instance share.
export const diagnosticsFiles = pgTable('diagnostics_files', {
  requestId: uuid()
    .primaryKey()
    .references(() => diagnosticsRequests.id, { onDelete: 'cascade' }),
  fileName: text().notNull(),
  contentType: text().notNull(),
  sizeBytes: integer().notNull(),
  content: bytea().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type DiagnosticsRequest = typeof diagnosticsRequests.$inferSelect;
