import { sql } from 'drizzle-orm';
import { bigserial, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, guestLimitColumns, memberRole, users } from './accounts';

export const inviteStatus = pgEnum('invite_status', ['pending', 'accepted', 'declined', 'revoked']);
export type InviteStatus = (typeof inviteStatus.enumValues)[number];

// An invite names a registered user (only they can accept it), or, with no user yet, only an address: a sign-up
// invitation, which registering from its link turns into an account that joins at once. The link's token is stored as
// its sha-256.
export const invites = pgTable(
  'invites',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    invitedUserId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    status: inviteStatus().notNull().default('pending'),
    role: memberRole().notNull().default('member'),
    ...guestLimitColumns(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invites_one_pending_key').on(t.accountId, t.invitedUserId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('invites_one_pending_signup_key').on(t.accountId, t.email).where(sql`${t.status} = 'pending' and ${t.invitedUserId} is null`),
    index('invites_user_idx').on(t.invitedUserId, t.status),
    index('invites_account_created_idx').on(t.accountId, t.createdAt),
  ],
);

// One row per invitation sent or sent again, whether or not its address has an account, so that the hourly limit
// also bounds probing the invite form for who has one.
export const inviteAttempts = pgTable(
  'invite_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invite_attempts_account_idx').on(t.accountId, t.createdAt)],
);

export type Invite = typeof invites.$inferSelect;
