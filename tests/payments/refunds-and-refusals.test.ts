// Refunds from the owner's side, and every way a Pay or a Refund is refused: by role, by account, by the statement's
// state, and by Stripe itself (down, or the key refused), each as an error the form shows, never a throw.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { statements } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeAccountWithMembers, makeStatement, paymentsOf, statementRow } from './fixture';
import { startStripeWorld, type StripeWorld } from './stripe-support';
import { eq } from 'drizzle-orm';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction, refundStatementAction } = await import('@/app/(app)/payments/actions');
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;

let world: StripeWorld;
let people: Awaited<ReturnType<typeof makeAccountWithMembers>>;

async function useStripe(account: { id: string; owner: { id: string } }, secretKey: string) {
  const webhookSecret = await world.registerWebhook(secretKey.startsWith('sk_test_') ? secretKey : 'sk_test_registrar0001', account.id);
  signInAs(account.owner);
  const saved = await savePaymentSettingsAction(idle, formData({ accountId: account.id, method: 'stripe', stripeSecretKey: secretKey, stripeWebhookSecret: webhookSecret }));
  expect(saved).toEqual({ status: 'ok', data: null });
}

beforeAll(async () => {
  world = await startStripeWorld();
  people = await makeAccountWithMembers(db);
  await useStripe({ id: people.account.id, owner: people.owner }, 'sk_test_refundsAccount0001');
});
afterAll(async () => {
  await world.close();
  await sql.end();
});

const fields = (statementId: string, accountId = people.account.id) => formData({ accountId, statementId });

async function paidStatement(amount = '25.50') {
  const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount });
  signInAs(people.driver);
  const result = await payStatementAction(idle, fields(statement.id));
  if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  await fetch(result.data.checkoutUrl, { method: 'POST', redirect: 'manual' });
  expect((await statementRow(db, statement.id)).status).toBe('paid');
  return { statement, session: world.stub.sessions.get(result.data.checkoutUrl.split('/').at(-1)!)! };
}

describe('a refund', () => {
  it('gives the whole amount back through Stripe and records the payment and the statement refunded', async () => {
    const { statement, session } = await paidStatement('25.50');
    signInAs(people.owner);

    expect(await refundStatementAction(idle, fields(statement.id))).toEqual({ status: 'ok', data: null });

    expect(session.refunded).toBe(2550);
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
    expect(await paymentsOf(db, statement.id)).toEqual([
      expect.objectContaining({ status: 'refunded', refundedAmount: '25.50', refundedBy: people.owner.id, providerRefundId: expect.stringMatching(/^re_/) }),
    ]);
    expect(await refundStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'notRefundable' });
    expect(session.refunded).toBe(2550);
  });

  it('may be given by a co-owner', async () => {
    const { statement } = await paidStatement('3.10');
    signInAs(people.coOwner);
    expect(await refundStatementAction(idle, fields(statement.id))).toEqual({ status: 'ok', data: null });
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
  });

  it('is refused to a driver, even on their own paid statement, and to a member of another account', async () => {
    const { statement, session } = await paidStatement('9.99');
    signInAs(people.driver);
    expect(await refundStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    const strangerAccount = await makeAccount(db, { owner: stranger });
    signInAs(stranger);
    expect(await refundStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await refundStatementAction(idle, fields(statement.id, strangerAccount.id))).toMatchObject({ status: 'error', formError: 'notFound' });
    expect(session.refunded).toBe(0);
    expect((await statementRow(db, statement.id)).status).toBe('paid');
  });

  it('is refused for a statement settled by hand, which has no online payment', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    await db.update(statements).set({ status: 'paid', paidAt: new Date(), markedPaidBy: people.owner.id }).where(eq(statements.id, statement.id));
    signInAs(people.owner);
    expect(await refundStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'notRefundable' });
    expect((await statementRow(db, statement.id)).status).toBe('paid');
  });

  it('of a statement id that is none says so above the form (the form draws no statement field), and keeps the amount typed', async () => {
    signInAs(people.owner);
    const refused = await refundStatementAction(idle, formData({ accountId: people.account.id, statementId: 'not-a-statement', amount: '1,50' }));
    expect(refused).toEqual({ status: 'error', formError: 'notFound', values: { accountId: people.account.id, statementId: 'not-a-statement', amount: '1,50' } });
    const both = await refundStatementAction(idle, formData({ accountId: people.account.id, statementId: '', amount: 'lots' }));
    expect(both).toMatchObject({ status: 'error', formError: 'notFound', fieldErrors: { amount: ['refundAmountInvalid'] } });
  });
});

describe('an owner going back to bank transfers', () => {
  it('still has a checkout opened before recorded as paid, and can refund it; Pay then says to pay by transfer', async () => {
    const switching = await makeAccountWithMembers(db);
    await useStripe({ id: switching.account.id, owner: switching.owner }, 'sk_test_switchingAccount01');
    const statement = await makeStatement(db, { accountId: switching.account.id, userId: switching.driver.id });
    const other = await makeStatement(db, { accountId: switching.account.id, userId: switching.driver.id });
    signInAs(switching.driver);
    const opened = await payStatementAction(idle, fields(statement.id, switching.account.id));
    if (opened.status !== 'ok') throw new Error(JSON.stringify(opened));
    signInAs(switching.owner);
    expect(await savePaymentSettingsAction(idle, formData({ accountId: switching.account.id, method: 'manual' }))).toEqual({ status: 'ok', data: null });

    await fetch(opened.data.checkoutUrl, { method: 'POST', redirect: 'manual' });
    expect((await statementRow(db, statement.id)).status).toBe('paid');
    expect(await refundStatementAction(idle, fields(statement.id, switching.account.id))).toEqual({ status: 'ok', data: null });
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
    signInAs(switching.driver);
    expect(await payStatementAction(idle, fields(other.id, switching.account.id))).toMatchObject({ status: 'error', formError: 'paymentsManual' });
  });
});

describe('Pay', () => {
  it("is refused on another member's statement, and to a member of another account", async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    signInAs(people.otherDriver);
    expect(await payStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'notFound' });
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: stranger });
    signInAs(stranger);
    expect(await payStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await paymentsOf(db, statement.id)).toEqual([]);
  });

  it('is refused on a statement no longer due, and on one with nothing to pay', async () => {
    const { statement } = await paidStatement();
    const free = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '0.00', currency: null });
    signInAs(people.driver);
    expect(await payStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'statementNotDue' });
    expect(await payStatementAction(idle, fields(free.id))).toMatchObject({ status: 'error', formError: 'nothingToPay' });
    expect(await paymentsOf(db, free.id)).toEqual([]);
  });

  it('says that Stripe did not answer when it is down, and records nothing', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    const { startStripeStub } = await import('@/scripts/stripe-stub/server');
    const gone = await startStripeStub();
    await gone.close();
    const working = process.env.STRIPE_API_BASE;
    process.env.STRIPE_API_BASE = gone.url;
    signInAs(people.driver);
    const result = await payStatementAction(idle, fields(statement.id)).finally(() => (process.env.STRIPE_API_BASE = working));
    expect(result).toMatchObject({ status: 'error', formError: 'paymentProviderUnreachable' });
    expect(await paymentsOf(db, statement.id)).toEqual([]);
  });

  it('says that Stripe refused the key when it does', async () => {
    const other = await makeAccountWithMembers(db);
    await useStripe({ id: other.account.id, owner: other.owner }, 'sk_live_notAcceptedByTheStub01');
    const statement = await makeStatement(db, { accountId: other.account.id, userId: other.driver.id });
    signInAs(other.driver);
    expect(await payStatementAction(idle, fields(statement.id, other.account.id))).toMatchObject({ status: 'error', formError: 'paymentProviderKeyRefused' });
  });

  it('in an account that settles by hand, says to pay by transfer', async () => {
    const manual = await makeAccountWithMembers(db);
    const statement = await makeStatement(db, { accountId: manual.account.id, userId: manual.driver.id });
    signInAs(manual.driver);
    expect(await payStatementAction(idle, fields(statement.id, manual.account.id))).toMatchObject({ status: 'error', formError: 'paymentsManual' });
  });
});
