import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { chargers } from './chargers';

export const cardKind = pgEnum('card_kind', ['physical', 'virtual']);
export type CardKind = (typeof cardKind.enumValues)[number];

export const cardStatus = pgEnum('card_status', ['active', 'blocked']);
export type CardStatus = (typeof cardStatus.enumValues)[number];

export const cards = pgTable(
  'cards',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    // OCPP 1.6 IdToken is CiString20Type: compared case-insensitively, hence the upper() index.
    idTag: text().notNull(),
    kind: cardKind().notNull(),
    label: text().notNull().default(''),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    status: cardStatus().notNull().default('active'),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    lastUsedChargerId: uuid().references(() => chargers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cards_account_id_tag_key').on(t.accountId, sql`upper(${t.idTag})`).where(sql`${t.deletedAt} is null`),
    index('cards_user_idx').on(t.userId),
    check('cards_virtual_has_user', sql`${t.kind} = 'physical' or ${t.userId} is not null`),
    check('cards_id_tag_length', sql`length(${t.idTag}) between 1 and 20`),
  ],
);

export type Card = typeof cards.$inferSelect;
export type NewCard = typeof cards.$inferInsert;

// The account's Local Authorization List counter: each change to who may charge takes the next number, and so does
// each SendLocalList (its listVersion must grow, OCPP 1.6 §5.15), so one count orders both (see charger_local_lists).
export const cardLocalLists = pgTable('card_local_lists', {
  accountId: uuid()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
