import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';

// Whose notification it is, in which account; gone with the user or the account.
const recipientColumns = () => ({
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accountId: uuid()
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
});

// New kinds go at the end: PostgreSQL adds enum values in place, never reordering.
export const notificationKind = pgEnum('notification_kind', [
  'session-finished',
  'charger-faulted',
  'member-joined',
  'member-left',
  'session-started',
  'charger-offline',
  'charger-back',
  'statement-ready',
]);
export type NotificationKind = (typeof notificationKind.enumValues)[number];

// A row only where the user changed the default (domain/notifications/audience.ts): a new member gets the defaults of
// their role without anything stored.
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    ...recipientColumns(),
    kind: notificationKind().notNull(),
    isEmail: boolean().notNull(),
    isPush: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId, t.kind] })],
);

// E-mail to the user's address, or push to each browser they turned notifications on in (db/schema/web-push.ts).
export const notificationChannel = pgEnum('notification_channel', ['email', 'push']);
export type NotificationChannel = (typeof notificationChannel.enumValues)[number];

export const notificationState = pgEnum('notification_state', ['pending', 'sending', 'sent', 'failed']);
export type NotificationState = (typeof notificationState.enumValues)[number];

// The outbox of notifications: written in the transaction of the event, sent once by a dispatcher in the OCPP server.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    ...recipientColumns(),
    kind: notificationKind().notNull(),
    channel: notificationChannel().notNull().default('email'),
    payload: jsonb().$type<Record<string, string | number | boolean | null>>().notNull(),
    state: notificationState().notNull().default('pending'),
    error: text(),
    // Failed attempts so far; a pending row with nextAttemptAt waits until then (a service that was busy or away).
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // What the dispatcher claims (pending, or sending and abandoned) and what the trim deletes stay apart.
    index('notifications_live_idx').on(t.createdAt).where(sql`${t.state} in ('pending', 'sending')`),
    index('notifications_done_idx').on(t.createdAt).where(sql`${t.state} in ('sent', 'failed')`),
    index('notifications_user_idx').on(t.userId),
  ],
);

export type Notification = typeof notifications.$inferSelect;
