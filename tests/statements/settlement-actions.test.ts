import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { memberships, statements } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { listBalances } from '@/domain/data/issued-statements';
import { insertStatement } from '@/domain/data/statement-issue';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { statementsFixture } from './builders';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { markStatementPaidAction, setReimbursementEmailAction } = await import('@/app/(app)/statements/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

let f: Awaited<ReturnType<typeof statementsFixture>>;
let statementId: string;
beforeAll(async () => {
  f = await statementsFixture(db);
  const base = { accountId: f.account.id, holder: { userId: f.driver.id }, sessionCount: 2, energyWh: 8_000, currency: 'EUR' };
  statementId = (await insertStatement(db, { ...base, period: { from: '2026-02-01', to: '2026-03-01' }, amount: '2.35' }))!.id;
  await insertStatement(db, { ...base, period: { from: '2026-03-01', to: '2026-04-01' }, amount: '1.05' });
  await insertStatement(db, { ...base, holder: { cardId: f.poolCard.id }, period: { from: '2026-03-01', to: '2026-04-01' }, amount: '0.00' });
});

const paid = async () => (await db.select().from(statements).where(eq(statements.id, statementId)))[0]!;

describe('manual settlement', () => {
  it('lets an owner mark a due statement paid once, which takes it off the balance', async () => {
    expect(await listBalances(db, { accountId: f.account.id })).toEqual([{ userId: f.driver.id, cardId: null, currency: 'EUR', due: '3.40', dueCount: 2 }]);
    signInAs(f.driver);
    expect(await markStatementPaidAction(idle, formData({ accountId: f.account.id, statementId }))).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
    expect((await paid()).status).toBe('due');

    signInAs(f.owner);
    expect(await markStatementPaidAction(idle, formData({ accountId: f.account.id, statementId }))).toEqual({ status: 'ok', data: null });
    expect(await paid()).toMatchObject({ status: 'paid', markedPaidBy: f.owner.id });
    expect(await markStatementPaidAction(idle, formData({ accountId: f.account.id, statementId }))).toMatchObject({ status: 'error', formError: 'statementNotDue' });
    expect(await listBalances(db, { accountId: f.account.id })).toEqual([{ userId: f.driver.id, cardId: null, currency: 'EUR', due: '1.05', dueCount: 1 }]);
  });

  it('finds no statement of another account', async () => {
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    const theirs = await makeAccount(db, { owner: stranger });
    signInAs(stranger);
    expect(await markStatementPaidAction(idle, formData({ accountId: theirs.id, statementId }))).toMatchObject({ status: 'error', formError: 'notFound' });
  });
});

describe('the reimbursement address', () => {
  const stored = async () => (await db.select().from(memberships).where(and(eq(memberships.accountId, f.account.id), eq(memberships.userId, f.driver.id))))[0]!.reimbursementEmail;

  it('is set by the member, refused next to the field when it is not an address, and taken away when emptied', async () => {
    signInAs(f.driver);
    expect(await setReimbursementEmailAction(idle, formData({ accountId: f.account.id, reimbursementEmail: 'payroll@employer.test' }))).toEqual({ status: 'ok', data: null });
    expect(await stored()).toBe('payroll@employer.test');
    expect(await setReimbursementEmailAction(idle, formData({ accountId: f.account.id, reimbursementEmail: 'not an address' }))).toMatchObject({ status: 'error', fieldErrors: { reimbursementEmail: ['emailInvalid'] } });
    expect(await stored()).toBe('payroll@employer.test');
    expect(await setReimbursementEmailAction(idle, formData({ accountId: f.account.id, reimbursementEmail: '' }))).toEqual({ status: 'ok', data: null });
    expect(await stored()).toBeNull();
  });
});
