import { and, asc, eq, gt, isNull, or, sql, SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, cards, chargers, memberships, transactions, users, type CardKind, type CardStatus } from '../../db/schema';
import { isUniqueViolation } from './db-errors';
import { hasCurrentAccess, isWithinEnergyCap, mayUseCharger } from './member-access';
import { isMember } from './memberships';
import { done, failure, success, type Result } from './result';

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

function selectCards(db: Executor) {
  return db
    .select(cardColumns)
    .from(cards)
    .leftJoin(users, eq(users.id, cards.userId))
    .leftJoin(chargers, eq(chargers.id, cards.lastUsedChargerId));
}

export async function listCards(db: Executor, scope: Scope) {
  return selectCards(db).where(inAccount(scope)).orderBy(asc(cards.label), asc(cards.idTag));
}
export type CardRow = Awaited<ReturnType<typeof listCards>>[number];

export async function getCard(db: Executor, scope: CardScope): Promise<CardRow | null> {
  const [row] = await selectCards(db).where(isCard(scope));
  return row ?? null;
}

// Cards a user may start charging with in an account: linked to them, active, unexpired.
export async function listUsableCards(db: Executor, { userId }: { userId: string }) {
  return db
    .select({ id: cards.id, accountId: cards.accountId, idTag: cards.idTag, label: cards.label, kind: cards.kind })
    .from(cards)
    .innerJoin(memberships, and(eq(memberships.accountId, cards.accountId), eq(memberships.userId, userId), hasCurrentAccess()))
    .where(and(eq(cards.userId, userId), eq(cards.status, 'active'), isNull(cards.deletedAt), or(isNull(cards.expiresAt), gt(cards.expiresAt, new Date()))))
    .orderBy(asc(cards.kind), asc(cards.createdAt));
}
export type UsableCard = Awaited<ReturnType<typeof listUsableCards>>[number];

// A card of the account linked to this user (whatever its state: authorizing it is domain/charging's part).
export async function getUserCard(db: Executor, { accountId, userId, cardId }: CardScope & { userId: string }) {
  const [card] = await db
    .select({ idTag: cards.idTag })
    .from(cards)
    .where(and(eq(cards.id, cardId), eq(cards.accountId, accountId), eq(cards.userId, userId)));
  return card ?? null;
}

export type CardForAuthorization = {
  id: string;
  accountId: string;
  kind: CardKind;
  status: CardStatus;
  userId: string | null;
  expiresAt: Date | null;
  memberUserId: string | null;
  // The account forbids one card in two sessions at once, and this one is in a session elsewhere.
  isInOtherSession: boolean;
};

// Where the card is being presented: a session of the card there is not "another" one (a retried start, or the
// card shown again to stop its own session). Each part is a value, or an SQL expression giving one per row (a column
// of a batch's input, charger-traffic/card-lookups.ts); an expression's connector may be null, for "any".
export type CardPlace = { chargerId: string | SQL; connectorId?: number | SQL };

function otherOpenSession(accountId: string | SQL, place: CardPlace | undefined) {
  const connectorId = place?.connectorId;
  const onConnector =
    connectorId === undefined
      ? sql`true`
      : connectorId instanceof SQL
        ? sql`(${connectorId} is null or ${transactions.connectorId} = ${connectorId})`
        : sql`${transactions.connectorId} = ${connectorId}`;
  const here = place ? sql`${transactions.chargerId} = ${place.chargerId} and ${onConnector}` : sql`false`;
  return sql<boolean>`${accounts.isOneSessionPerCard} and exists (
    select 1 from ${transactions}
    where ${transactions.accountId} = ${accountId} and ${transactions.stoppedAt} is null and ${transactions.cardId} = ${cards.id} and not (${here}))`;
}

export type CardByIdTag = { accountId: string | SQL; idTag: string | SQL; place?: CardPlace };

// The account's card with this tag (letter case aside), with whether its linked user is still a member: the one
// definition, run on its own (getCardByIdTag) or per row of many lookups at once (a lateral subquery).
export function cardByIdTagQuery(db: Executor, { accountId, idTag, place }: CardByIdTag) {
  return db
    .select({
      id: cards.id,
      accountId: cards.accountId,
      kind: cards.kind,
      status: cards.status,
      userId: cards.userId,
      expiresAt: cards.expiresAt,
      // Named apart from the card's user_id, which a subquery's columns could not otherwise tell from it.
      memberUserId: sql<string | null>`${memberships.userId}`.as('member_user_id'),
      isInOtherSession: otherOpenSession(accountId, place).as('is_in_other_session'),
    })
    .from(cards)
    .innerJoin(accounts, eq(accounts.id, cards.accountId))
    // A guest past their end time, over their energy cap, or at a charger not theirs holds a card of no member here.
    .leftJoin(
      memberships,
      and(
        eq(memberships.accountId, cards.accountId),
        eq(memberships.userId, cards.userId),
        hasCurrentAccess(),
        isWithinEnergyCap(),
        place ? mayUseCharger(place.chargerId) : undefined,
      ),
    )
    .where(and(eq(cards.accountId, accountId), sql`upper(${cards.idTag}) = upper(${idTag})`, isNull(cards.deletedAt)))
    .limit(1);
}

export async function getCardByIdTag(db: Executor, lookup: CardByIdTag): Promise<CardForAuthorization | null> {
  const [row] = await cardByIdTagQuery(db, lookup);
  return row ?? null;
}

type NewCardValues = { idTag: string; kind: CardKind; label: string; userId: string | null; expiresAt: Date | null };

export async function createCard(db: Executor, { accountId, ...values }: Scope & NewCardValues): Promise<Result<{ cardId: string }, 'idTagTaken' | 'userNotMember'>> {
  try {
    return await db.transaction(async (tx) => {
      if (values.userId && !(await isMember(tx, { accountId, userId: values.userId }))) return failure('userNotMember');
      const [row] = await tx.insert(cards).values({ accountId, ...values }).returning({ id: cards.id });
      return success({ cardId: row!.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return failure('idTagTaken');
    throw error;
  }
}

type CardEdit = CardScope & { label: string; userId: string | null; expiresAt: Date | null };

export async function updateCard(db: Executor, { accountId, cardId, ...values }: CardEdit): Promise<Result<null, 'notFound' | 'userNotMember' | 'userRequired'>> {
  const scope = { accountId, cardId };
  return db.transaction(async (tx) => {
    if (values.userId && !(await isMember(tx, { accountId, userId: values.userId }))) return failure('userNotMember');
    const rows = await tx
      .update(cards)
      .set(values)
      .where(and(isCard(scope), values.userId ? undefined : eq(cards.kind, 'physical')))
      .returning({ id: cards.id });
    if (rows.length > 0) return done;
    const [existing] = await tx.select({ id: cards.id }).from(cards).where(isCard(scope));
    return failure(existing ? 'userRequired' : 'notFound');
  });
}

export async function setCardStatus(db: Executor, { status, ...scope }: CardScope & { status: CardStatus }): Promise<Result<null, 'notFound'>> {
  const rows = await db.update(cards).set({ status }).where(isCard(scope)).returning({ id: cards.id });
  return rows.length > 0 ? done : failure('notFound');
}

// Soft delete: sessions keep their id tag and card id, and the tag becomes free for a new card.
export async function deleteCard(db: Executor, scope: CardScope): Promise<Result<null, 'notFound'>> {
  const rows = await db.update(cards).set({ deletedAt: new Date() }).where(isCard(scope)).returning({ id: cards.id });
  return rows.length > 0 ? done : failure('notFound');
}

// Blocks a member's cards in this account, so they cannot start charging there any more.
export async function blockCardsOfUser(db: Executor, { accountId, userId }: Scope & { userId: string }): Promise<Result> {
  await db
    .update(cards)
    .set({ status: 'blocked' })
    .where(and(eq(cards.accountId, accountId), eq(cards.userId, userId), isNull(cards.deletedAt)));
  return done;
}
