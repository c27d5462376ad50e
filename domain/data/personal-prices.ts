import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cards, memberships, personalPrices, users } from '../../db/schema';
import { done, failure, type Result } from './result';

type Scope = { accountId: string };
export type PriceHolder = { userId: string; cardId?: undefined } | { cardId: string; userId?: undefined };

// The people and cards of an account with the price of their own in force now, if any.
export async function listPersonalPrices(db: Executor, { accountId }: Scope) {
  const current = db
    .selectDistinctOn([personalPrices.userId, personalPrices.cardId], {
      userId: personalPrices.userId,
      cardId: personalPrices.cardId,
      pricePerKwh: personalPrices.pricePerKwh,
      currency: personalPrices.currency,
    })
    .from(personalPrices)
    .where(and(eq(personalPrices.accountId, accountId), sql`${personalPrices.validFrom} <= now()`))
    .orderBy(personalPrices.userId, personalPrices.cardId, desc(personalPrices.validFrom), desc(personalPrices.id));
  const [prices, people, accountCards] = await Promise.all([
    current,
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.accountId, accountId))
      .orderBy(asc(users.name), asc(users.email)),
    db
      .select({ cardId: cards.id, label: cards.label, idTag: cards.idTag })
      .from(cards)
      .where(and(eq(cards.accountId, accountId), isNull(cards.deletedAt)))
      .orderBy(asc(cards.label), asc(cards.idTag)),
  ]);
  const priceOf = (found: (typeof prices)[number] | undefined) => (found?.pricePerKwh != null && found.currency ? { pricePerKwh: found.pricePerKwh, currency: found.currency } : null);
  return {
    people: people.map((person) => ({ ...person, price: priceOf(prices.find((price) => price.userId === person.userId)) })),
    cards: accountCards.map((card) => ({ ...card, price: priceOf(prices.find((price) => price.cardId === card.cardId)) })),
  };
}

async function holdsPlace(db: Executor, accountId: string, holder: PriceHolder) {
  if (holder.userId) {
    const [row] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.accountId, accountId), eq(memberships.userId, holder.userId)));
    return Boolean(row);
  }
  const [row] = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.accountId, accountId), eq(cards.id, holder.cardId!), isNull(cards.deletedAt)));
  return Boolean(row);
}

// Appends, never updates, like tariffs: a price of null ends the person's own price from now on. The member or
// card must be the account's, else nothing is written.
export async function setPersonalPrice(
  db: Executor,
  { accountId, holder, pricePerKwh, currency, createdBy }: Scope & { holder: PriceHolder; pricePerKwh: string | null; currency: string | null; createdBy: string },
): Promise<Result<null, 'notFound'>> {
  if (!(await holdsPlace(db, accountId, holder))) return failure('notFound');
  await db.insert(personalPrices).values({
    accountId,
    userId: holder.userId ?? null,
    cardId: holder.cardId ?? null,
    pricePerKwh,
    currency: pricePerKwh === null ? null : currency,
    createdBy,
  });
  return done;
}
