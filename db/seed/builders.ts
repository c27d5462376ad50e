import { randomBytes } from 'node:crypto';
import type { Executor } from '../client';
import { accounts, cards, chargers, memberships, users, type NewCard, type NewCharger, type NewUser } from '../schema';

const unique = () => randomBytes(5).toString('hex');

export async function makeUser(db: Executor, overrides: Partial<NewUser> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${unique()}@example.test`, name: 'Test User', passwordHash: 'unusable', ...overrides })
    .returning();
  return user!;
}

export async function makeAccount(db: Executor, { owner }: { owner?: { id: string } } = {}) {
  const ownerUser = owner ?? (await makeUser(db));
  const [account] = await db.insert(accounts).values({ name: `Account ${unique()}` }).returning();
  await db.insert(memberships).values({ accountId: account!.id, userId: ownerUser.id, role: 'owner' });
  return { ...account!, owner: ownerUser };
}

export async function makeCharger(db: Executor, overrides: Partial<NewCharger> & { accountId: string }) {
  const [charger] = await db
    .insert(chargers)
    .values({ identity: `CP-${unique()}`, name: 'Test charger', connectorCount: 2, ...overrides })
    .returning();
  return charger!;
}

export async function makeCard(db: Executor, overrides: Partial<NewCard> & { accountId: string }) {
  const [card] = await db
    .insert(cards)
    .values({ idTag: unique().toUpperCase(), kind: 'physical', label: 'Test card', ...overrides })
    .returning();
  return card!;
}
