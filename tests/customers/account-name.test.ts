import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts, memberships } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { renameAccountAction } = await import('@/app/(app)/customers/actions');
const { listMembershipsOfUser } = await import('@/domain/data/memberships');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

async function householdWithMember() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date(), name: 'Rasa Petraitė' });
  const account = await makeAccount(db, { owner });
  await db.update(accounts).set({ name: 'Rasa Petraitė' }).where(eq(accounts.id, account.id));
  const member = await makeUser(db, { emailVerifiedAt: new Date() });
  await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
  return { owner, account, member };
}
const nameOf = async (accountId: string) => (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)))[0]?.name;

describe('renaming an account', () => {
  it('lets the owner give it a name of its own, which its members then see in their account list', async () => {
    const { owner, account, member } = await householdWithMember();
    signInAs(owner);
    expect(await renameAccountAction(idle, formData({ accountId: account.id, name: '  Vilnius office  ' }))).toEqual({ status: 'ok', data: 'Vilnius office' });
    expect(await nameOf(account.id)).toBe('Vilnius office');
    expect(await listMembershipsOfUser(db, { userId: member.id })).toEqual([expect.objectContaining({ accountId: account.id, accountName: 'Vilnius office' })]);
  });

  it('refuses a member, a stranger, an empty or overlong name, each with its reason, and keeps the old name', async () => {
    const { account, member } = await householdWithMember();
    signInAs(member);
    expect(await renameAccountAction(idle, formData({ accountId: account.id, name: 'Mine now' }))).toMatchObject({ status: 'error', formError: 'ownersOnly', values: { name: 'Mine now' } });
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    signInAs(stranger);
    expect(await renameAccountAction(idle, formData({ accountId: account.id, name: 'Mine now' }))).toMatchObject({ status: 'error', formError: 'forbidden' });

    const { owner, account: own } = await householdWithMember();
    signInAs(owner);
    expect(await renameAccountAction(idle, formData({ accountId: own.id, name: '   ' }))).toMatchObject({ status: 'error', fieldErrors: { name: ['required'] } });
    expect(await renameAccountAction(idle, formData({ accountId: own.id, name: 'x'.repeat(101) }))).toMatchObject({ status: 'error', fieldErrors: { name: ['tooLong'] } });
    expect(await renameAccountAction(idle, formData({ accountId: own.id, name: 'Line\nbreak' }))).toMatchObject({ status: 'error', fieldErrors: { name: ['controlCharacters'] } });
    expect(await nameOf(account.id)).toBe('Rasa Petraitė');
    expect(await nameOf(own.id)).toBe('Rasa Petraitė');
  });
});
