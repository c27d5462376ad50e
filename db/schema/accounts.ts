import { sql } from 'drizzle-orm';
import type { Locale } from './locales';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';


export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    locale: text().$type<Locale>().notNull().default('en'),
    lastLoginAt: timestamp({ withTimezone: true }),
    // Push waits while the user's clock (in quietHoursZone, an IANA zone) is between start and end; both or neither.
    quietHoursStart: time(),
    quietHoursEnd: time(),
    quietHoursZone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const accounts = pgTable('accounts', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  // Household rule: a card already charging somewhere is answered ConcurrentTx (OCPP 1.6 §7.23) at another start.
  isOneSessionPerCard: boolean().notNull().default(false),
  // Set by an owner: members without a second factor (an authenticator app or a passkey) are sent to set one up.
  requireTwoFactor: boolean().notNull().default(false),
  // An IANA zone: where the account's days and months begin (prices by the hour, monthly statements).
  timeZone: text().notNull().default('UTC'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // When the monthly issue last went through the account's previous month whole: it reads the month again only once
  // the month has turned since, or a cost line was written since (domain/data/statement-issue.ts).
  statementsCheckedAt: timestamp({ withTimezone: true }),
});

// `member` is a co-owner (equal access); a driver only charges and sees their own sessions; a guest is a driver whose
// access ends by itself, optionally capped in energy and limited to some of the chargers.
export const memberRole = pgEnum('member_role', ['owner', 'member', 'driver', 'guest']);
export type MemberRole = (typeof memberRole.enumValues)[number];

// What a guest's access is bounded by; on a membership and on the invitation that grants it.
export const guestLimitColumns = () => ({
  accessEndsAt: timestamp({ withTimezone: true }),
  energyCapWh: integer(),
  chargerIds: uuid().array(),
});

export const memberships = pgTable(
  'memberships',
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole().notNull(),
    ...guestLimitColumns(),
    // Where this member's monthly statements go as well (an employer who reimburses home charging).
    reimbursementEmail: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('memberships_access_ends_idx').on(t.accessEndsAt).where(sql`${t.accessEndsAt} is not null`), primaryKey({ columns: [t.accountId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Account = typeof accounts.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
