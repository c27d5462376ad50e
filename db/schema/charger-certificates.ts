import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { chargers } from './chargers';

// The platform's certificate authority (security whitepaper §3: the CSMS signs the charge points' certificates).
// One row; made at first need unless a deployment gives its own (OCPP_CA_CERT / OCPP_CA_KEY). The private key is
// sealed with a key derived from AUTH_SECRET (domain/crypto/secret-box.ts), never stored readable.
export const platformCertificateAuthority = pgTable(
  'platform_certificate_authority',
  {
    id: text().primaryKey().default('platform'),
    certificate: text().notNull(),
    sealedPrivateKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('platform_certificate_authority_single', sql`${t.id} = 'platform'`)],
);

// Each SignCertificate a charger sent: the certificate the platform signed for it, or why the request was refused
// (domain/certificates/charger-csr.ts).
export const chargerCertificates = pgTable(
  'charger_certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    chargerId: uuid()
      .notNull()
      .references(() => chargers.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    // 'signed' or a refusal reason of domain/certificates/charger-csr.ts
    outcome: text().notNull(),
    serialNumber: text(),
    certificate: text(),
    notAfter: timestamp({ withTimezone: true }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('charger_certificates_charger_idx').on(t.chargerId, t.requestedAt)],
);
