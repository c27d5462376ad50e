import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cardLocalLists, cards, chargers, memberships, users, type CardKind, type CardStatus } from '@/db/schema';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/domain/data/db-errors';

type Scope = { accountId: string };
type CardScope = Scope & { cardId: string };

const inAccount = ({ accountId }: Scope) => and(eq(cards.accountId, accountId), isNull(cards.deletedAt));
const isCard = (scope: CardScope) => and(eq(cards.id, scope.cardId), inAccount(scope));

const cardColumns = {
  id: cards.id,
  accountId: cards.accountId,
  idTag: cards.idTag,
  kind: cards.kind,
  label: cards.label,
  status: cards.status,
  expiresAt: cards.expiresAt,
  lastUsedAt: cards.lastUsedAt,
  createdAt: cards.createdAt,
  userId: cards.userId,
  userName: users.name,
  lastUsedChargerName: chargers.name,
  // Blocking does not end a running session (OCPP 1.6 has the charger decide), so the owner is told.
  isCharging: sql<boolean>`exists (select 1 from transactions t where t.card_id = ${cards.id} and t.stopped_at is null)`,
  // domain/charging/authorize-card.ts refuses a card whose linked user has left the account.
  hasUserLeft: sql<boolean>`(${cards.userId} is not null and not exists (
    select 1 from memberships m where m.account_id = ${cards.accountId} and m.user_id = ${cards.userId}))`,
};

function selectCards() {
  return db()
    .select(cardColumns)
    .from(cards)
    .leftJoin(users, eq(users.id, cards.userId))
    .leftJoin(chargers, eq(chargers.id, cards.lastUsedChargerId));
}

export async function listCards(scope: Scope) {
  return selectCards().where(inAccount(scope)).orderBy(asc(cards.label), asc(cards.idTag));
}
export type CardRow = Awaited<ReturnType<typeof listCards>>[number];

export async function getCard(scope: CardScope): Promise<CardRow | null> {
  const [row] = await selectCards().where(isCard(scope));
  return row ?? null;
}

// The people a card can be linked to: members of the account.
export async function listAccountUsers({ accountId }: Scope) {
  return db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(users.name), asc(users.email));
}

async function isMember(tx: Executor, { accountId, userId }: Scope & { userId: string }) {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)));
  return Boolean(row);
}

type NewCardValues = { idTag: string; kind: CardKind; label: string; userId: string | null; expiresAt: Date | null };
export type CreateCardResult = { status: 'created'; cardId: string } | { status: 'idTagTaken' } | { status: 'userNotMember' };

export async function createCard({ accountId, ...values }: Scope & NewCardValues): Promise<CreateCardResult> {
  try {
    return await db().transaction(async (tx): Promise<CreateCardResult> => {
      if (values.userId && !(await isMember(tx, { accountId, userId: values.userId }))) return { status: 'userNotMember' };
      const [row] = await tx.insert(cards).values({ accountId, ...values }).returning({ id: cards.id });
      return { status: 'created', cardId: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'idTagTaken' };
    throw error;
  }
}

type CardEdit = { label: string; userId: string | null; expiresAt: Date | null };
export type UpdateCardResult = 'updated' | 'notFound' | 'userNotMember' | 'userRequired';

export async function updateCard(scope: CardScope, values: CardEdit): Promise<UpdateCardResult> {
  return db().transaction(async (tx): Promise<UpdateCardResult> => {
    if (values.userId && !(await isMember(tx, { accountId: scope.accountId, userId: values.userId }))) return 'userNotMember';
    const rows = await tx
      .update(cards)
      .set(values)
      .where(and(isCard(scope), values.userId ? undefined : eq(cards.kind, 'physical')))
      .returning({ id: cards.id });
    if (rows.length > 0) return 'updated';
    const [existing] = await tx.select({ id: cards.id }).from(cards).where(isCard(scope));
    return existing ? 'userRequired' : 'notFound';
  });
}

export async function setCardStatus(scope: CardScope, status: CardStatus): Promise<boolean> {
  const rows = await db().update(cards).set({ status }).where(isCard(scope)).returning({ id: cards.id });
  return rows.length > 0;
}

// Soft delete: sessions keep their id tag and card id, and the tag becomes free for a new card.
export async function deleteCard(scope: CardScope): Promise<boolean> {
  const rows = await db().update(cards).set({ deletedAt: new Date() }).where(isCard(scope)).returning({ id: cards.id });
  return rows.length > 0;
}

// The last SendLocalList of each charger of the account, for the sync summary.
export async function listLocalListSyncs({ accountId }: Scope) {
  const rows = await db().execute<{
    charger_id: string;
    charger_name: string;
    is_online: boolean;
    status: string | null;
    error: string | null;
    list_version: number | null;
    at: Date | string | null;
  }>(sql`
    select ch.id as charger_id, ch.name as charger_name, ch.is_online, c.status, c.error,
      (c.payload->>'listVersion')::int as list_version, coalesce(c.completed_at, c.created_at) as at
    from chargers ch
    left join lateral (
      select status, error, payload, completed_at, created_at from charger_commands
      where charger_id = ch.id and action = 'SendLocalList' order by created_at desc limit 1
    ) c on true
    where ch.account_id = ${accountId} and ch.deleted_at is null
    order by ch.name`);
  return rows.map((row) => ({
    chargerId: row.charger_id,
    chargerName: row.charger_name,
    isOnline: row.is_online,
    status: row.status,
    error: row.error,
    listVersion: row.list_version,
    at: row.at === null ? null : new Date(row.at),
  }));
}

export async function getLocalListVersion({ accountId }: Scope): Promise<number | null> {
  const [row] = await db().select({ version: cardLocalLists.version }).from(cardLocalLists).where(eq(cardLocalLists.accountId, accountId));
  return row?.version ?? null;
}
