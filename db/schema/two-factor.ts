import { bigint, customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// An authenticator app of a user. The secret is sealed with a key derived from AUTH_SECRET (lib/accounts/totp-key.ts),
// so a copy of the table alone computes no codes. A row without confirmedAt is an enrolment not yet proven by a code.
// lastUsedStep keeps a code from being used twice (RFC 6238 §5.2).
export const totpAuthenticators = pgTable('totp_authenticators', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sealedSecret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastUsedStep: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Ten single-use codes for a lost phone; only their sha-256 is stored.
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

// A WebAuthn credential (passkey) of a user: usable as the second factor, or alone, to log in without a password.
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    credentialId: text().notNull().unique(),
    publicKey: bytea().notNull(),
    signCount: bigint({ mode: 'number' }).notNull().default(0),
    transports: text().array().notNull().default([]),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

export const loginStepKind = pgEnum('login_step_kind', ['secondFactor', 'granted', 'passkeyLogin', 'passkeyEnrolment']);
export type LoginStepKind = (typeof loginStepKind.enumValues)[number];

// A login between its steps, named by a token in an HttpOnly cookie (or handed straight to Auth.js) of which only the
// sha-256 is stored. `secondFactor`: the password was right, a code or passkey is due. `granted`: every factor was
// proven; Auth.js's credentials provider trades it, once, for a session. `passkeyLogin` and `passkeyEnrolment`: a
// WebAuthn challenge awaiting the browser's answer. Each lives minutes and is used once.
export const loginSteps = pgTable(
  'login_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    kind: loginStepKind().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    webauthnChallenge: text(),
    failedCodes: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('login_steps_expires_idx').on(t.expiresAt)],
);
