import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { updateCardRulesAction } = await import('@/app/(app)/cards/rule-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;
const ruleOf = async (accountId: string) => (await db.select({ rule: accounts.isOneSessionPerCard }).from(accounts).where(eq(accounts.id, accountId)))[0]!.rule;

describe('the one-session-per-card rule', () => {
  it('is turned on and off by a member of the account, and by no one else', async () => {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: stranger });

    signInAs(owner);
    expect(await updateCardRulesAction(idle, formData({ accountId: account.id, isOneSessionPerCard: 'on' }))).toEqual({ status: 'ok', data: null });
    expect(await ruleOf(account.id)).toBe(true);
    signInAs(stranger);
    expect(await updateCardRulesAction(idle, formData({ accountId: account.id }))).toMatchObject({ formError: 'forbidden' });
    expect(await ruleOf(account.id)).toBe(true);
    signInAs(owner);
    expect(await updateCardRulesAction(idle, formData({ accountId: account.id }))).toEqual({ status: 'ok', data: null });
    expect(await ruleOf(account.id)).toBe(false);
  });
});
