import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

// A browser's push subscription (the Push API's endpoint and its two keys, RFC 8291), one per device; a push service
// answering 404 or 410 for it means the browser dropped it, and the row goes.
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);

// The platform's VAPID key pair when the deployment gives none (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY): made at first
// need, the private key sealed under a key derived from AUTH_SECRET (domain/push/vapid.ts).
export const vapidKeys = pgTable(
  'vapid_keys',
  {
    id: text().primaryKey().default('platform'),
    publicKey: text().notNull(),
    sealedPrivateKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('vapid_keys_single', sql`${t.id} = 'platform'`)],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
