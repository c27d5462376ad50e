import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { memberships } from '../../db/schema';
import { makeAccount, makeCard, makeUser } from '../../db/seed/builders';
import { accountParentIdTag } from '../cards/household';
import { authorizeCard } from './authorize-card';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
let account: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  account = await makeAccount(db);
});
afterAll(() => sql.end());

const check = (idTag: string, context: 'charger' | 'remoteStart' = 'charger') => authorizeCard(db, { accountId: account.id, idTag, context });

describe('authorizeCard', () => {
  it('accepts an active card of the account, case-insensitively, with its expiry', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const card = await makeCard(db, { accountId: account.id, idTag: 'AbC123', expiresAt });
    expect(await check('abc123')).toEqual({ status: 'Accepted', expiresAt, card: { id: card.id, userId: null }, parentIdTag: accountParentIdTag(account.id) });
  });

  it('answers Blocked for a blocked card and Expired for an expired one', async () => {
    const blocked = await makeCard(db, { accountId: account.id, status: 'blocked' });
    const expired = await makeCard(db, { accountId: account.id, expiresAt: new Date(Date.now() - 1000) });
    expect((await check(blocked.idTag)).status).toBe('Blocked');
    expect((await check(expired.idTag)).status).toBe('Expired');
  });

  it('answers Invalid for an unknown tag, a deleted card and a card of another account', async () => {
    const deleted = await makeCard(db, { accountId: account.id, deletedAt: new Date() });
    const other = await makeAccount(db);
    const foreign = await makeCard(db, { accountId: other.id });
    expect((await check('UNKNOWN-TAG')).status).toBe('Invalid');
    expect((await check(deleted.idTag)).status).toBe('Invalid');
    expect((await check(foreign.idTag)).status).toBe('Invalid');
  });

  it('answers Invalid for a card whose user has left the account', async () => {
    const member = await makeUser(db);
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
    const card = await makeCard(db, { accountId: account.id, userId: member.id });
    expect((await check(card.idTag)).status).toBe('Accepted');
    await db.delete(memberships).where(eq(memberships.userId, member.id));
    expect((await check(card.idTag)).status).toBe('Invalid');
  });

  it('refuses a virtual card at a charger but accepts it for a remote start', async () => {
    const card = await makeCard(db, { accountId: account.id, kind: 'virtual', userId: account.owner.id });
    expect((await check(card.idTag, 'charger')).status).toBe('Invalid');
    expect((await check(card.idTag, 'remoteStart')).status).toBe('Accepted');
  });

  it('refuses to store a virtual card without a user', async () => {
    await expect(makeCard(db, { accountId: account.id, kind: 'virtual' })).rejects.toThrow();
  });
});
