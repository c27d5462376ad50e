// A statement is paid once however often Pay is pressed; refunds may be partial, never more than is left; and a
// refund made in Stripe's own dashboard comes back by its charge.refunded webhook, once.
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { users } from '@/db/schema';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import lt from '@/messages/lt.json';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeStatement, paymentsOf, statementRow } from './fixture';
import { stripeAccount } from './stripe-account';
import type { StripeWorld } from './stripe-support';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction, refundStatementAction } = await import('@/app/(app)/payments/actions');
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');
const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const MESSAGES = { en, de, lt, es, fr };

let world: StripeWorld;
let people: Awaited<ReturnType<typeof stripeAccount>>['people'];

beforeAll(async () => {
  ({ world, people } = await stripeAccount(db, 'sk_test_guardsAccount00001'));
});
afterAll(async () => {
  await world.close();
  await sql.end();
});

const idle = { status: 'idle' } as const;
const fields = (statementId: string, extra: Record<string, string> = {}) => formData({ accountId: people.account.id, statementId, ...extra });
const checkoutIdOf = (url: string) => url.split('/').at(-1)!;

async function openCheckout(statementId: string) {
  signInAs(people.driver);
  const result = await payStatementAction(idle, fields(statementId));
  if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  return result.data.checkoutUrl;
}

async function paidStatement(amount: string) {
  const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount });
  const url = await openCheckout(statement.id);
  await fetch(url, { method: 'POST', redirect: 'manual' });
  expect((await statementRow(db, statement.id)).status).toBe('paid');
  return { statement, session: world.stub.sessions.get(checkoutIdOf(url))! };
}

describe('paying a statement twice', () => {
  it('is refused once it is paid', async () => {
    const { statement } = await paidStatement('8.00');
    signInAs(people.driver);
    expect(await payStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'statementNotDue' });
    expect(await paymentsOf(db, statement.id)).toHaveLength(1);
  });

  it('is refused while Stripe has taken the money and its webhook is still on its way, opening no second checkout', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '14.20' });
    const url = await openCheckout(statement.id);
    // Paid on Stripe's page; the webhook has not reached the platform yet.
    Object.assign(world.stub.sessions.get(checkoutIdOf(url))!, { status: 'complete', payment_status: 'paid', payment_intent: 'pi_test_onItsWay' });

    signInAs(people.driver);
    expect(await payStatementAction(idle, fields(statement.id))).toMatchObject({ status: 'error', formError: 'statementPaymentConfirming' });
    expect(await paymentsOf(db, statement.id)).toHaveLength(1);
    expect([...world.stub.sessions.values()].filter((session) => session.metadata.statementId === statement.id)).toHaveLength(1);
  });

  it('while a checkout is open, sends the member back to that same checkout rather than a second one', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '6.60' });
    const first = await openCheckout(statement.id);
    expect(await openCheckout(statement.id)).toBe(first);
    expect(await paymentsOf(db, statement.id)).toHaveLength(1);
  });

  it('opens a new checkout when Stripe no longer knows the earlier one (the owner moved to another Stripe account)', async () => {
    const { people: moved } = await stripeAccount(db, 'sk_test_guardsFormerKey0001', world);
    const statement = await makeStatement(db, { accountId: moved.account.id, userId: moved.driver.id, amount: '9.90' });
    const pay = () => payStatementAction(idle, formData({ accountId: moved.account.id, statementId: statement.id }));
    signInAs(moved.driver);
    const before = await pay();
    expect(before.status).toBe('ok');
    const newKey = 'sk_test_guardsLatterKey0001';
    signInAs(moved.owner);
    const saved = await savePaymentSettingsAction(idle, formData({ accountId: moved.account.id, method: 'stripe', stripeSecretKey: newKey, stripeWebhookSecret: await world.registerWebhook(newKey, moved.account.id) }));
    expect(saved.status).toBe('ok');

    signInAs(moved.driver);
    const after = await pay();
    if (after.status !== 'ok' || before.status !== 'ok') throw new Error(JSON.stringify(after));
    expect(after.data.checkoutUrl).not.toBe(before.data.checkoutUrl);
    expect(world.stub.sessions.get(checkoutIdOf(after.data.checkoutUrl))).toMatchObject({ secretKey: newKey, status: 'open', amount_total: 990 });
    expect((await paymentsOf(db, statement.id)).map((payment) => payment.status).sort()).toEqual(['expired', 'pending']);
  });
});

describe('a refund of more than is left', () => {
  it("names what is left as money in the owner's language, in all five", async () => {
    const { statement } = await paidStatement('1234.50');
    const expected = {
      en: 'At most €1,234.50 is left to refund of this payment.',
      de: 'Von dieser Zahlung sind höchstens noch 1.234,50\u00a0€ zu erstatten.',
      lt: 'Iš šio mokėjimo grąžinti liko ne daugiau kaip 1\u00a0234,50\u00a0€.',
      es: 'De este pago quedan como máximo 1234,50\u00a0€ por reembolsar.',
      fr: 'Il reste au plus 1\u202f234,50\u00a0€ à rembourser sur ce paiement.',
    } as const;
    for (const [locale, words] of Object.entries(expected) as [keyof typeof expected, string][]) {
      await db.update(users).set({ locale }).where(eq(users.id, people.owner.id));
      signInAs(people.owner);
      const refused = await refundStatementAction(idle, fields(statement.id, { amount: '5000' }));
      if (refused.status !== 'error') throw new Error(JSON.stringify(refused));
      expect(refused.fieldErrors).toEqual({ amount: ['refundTooMuch'] });
      const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'Validation' });
      expect(t('refundTooMuch', refused.fieldErrorValues)).toBe(words);
    }
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, people.owner.id));
  });
});

describe('a partial refund', () => {
  it('gives back part of the amount, then at most what is left, and the statement is refunded only when all is', async () => {
    const { statement, session } = await paidStatement('25.50');
    signInAs(people.owner);

    expect(await refundStatementAction(idle, fields(statement.id, { amount: '10' }))).toEqual({ status: 'ok', data: null });
    expect(session.refunded).toBe(1000);
    expect((await statementRow(db, statement.id)).status).toBe('paid');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'paid', refundedAmount: '10.00' })]);

    expect(await refundStatementAction(idle, fields(statement.id, { amount: '15.51' }))).toMatchObject({
      status: 'error',
      fieldErrors: { amount: ['refundTooMuch'] },
      fieldErrorValues: { left: '€15.50' },
    });
    for (const amount of ['0', '-1', 'ten', '1.234']) {
      expect(await refundStatementAction(idle, fields(statement.id, { amount }))).toMatchObject({ status: 'error', fieldErrors: { amount: ['refundAmountInvalid'] } });
    }
    expect(session.refunded).toBe(1000);

    expect(await refundStatementAction(idle, fields(statement.id, { amount: '15,50' }))).toEqual({ status: 'ok', data: null });
    expect(session.refunded).toBe(2550);
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'refunded', refundedAmount: '25.50', refundedBy: people.owner.id })]);
  });
});

describe('a refund made in Stripe’s dashboard', () => {
  it('is recorded from its charge.refunded webhook, and the same event again changes nothing', async () => {
    const { statement, session } = await paidStatement('40.00');

    const partial = await world.stub.refundFromDashboard(session.payment_intent!, 1250);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'paid', refundedAmount: '12.50' })]);
    await world.stub.deliver(partial);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'paid', refundedAmount: '12.50' })]);

    const rest = await world.stub.refundFromDashboard(session.payment_intent!, 2750);
    // Stripe may send the earlier event again after the later one: what is refunded never goes back down.
    await world.stub.deliver(partial);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'refunded', refundedAmount: '40.00' })]);
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
    expect(world.stub.delivered.filter((event) => [partial, rest].includes(event.eventId)).map((event) => event.status)).toEqual([200, 200, 200, 200]);
  });

  it('leaves the owner’s page saying what is left, so a refund there cannot give back more than Stripe still holds', async () => {
    const { statement, session } = await paidStatement('9.00');
    await world.stub.refundFromDashboard(session.payment_intent!, 500);
    signInAs(people.owner);
    expect(await refundStatementAction(idle, fields(statement.id, { amount: '5.00' }))).toMatchObject({ fieldErrors: { amount: ['refundTooMuch'] }, fieldErrorValues: { left: '€4.00' } });
    expect(await refundStatementAction(idle, fields(statement.id, { amount: '4.00' }))).toEqual({ status: 'ok', data: null });
    expect(session.refunded).toBe(900);
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
  });
});

describe('two accounts on one Stripe account', () => {
  it('each hear the events of their own checkouts, though Stripe sends every event to both endpoints', async () => {
    // The same key as the first account's: Stripe sends each event to the first account's endpoint first, then here.
    const second = await stripeAccount(db, 'sk_test_guardsAccount00001', world);
    const statement = await makeStatement(db, { accountId: second.people.account.id, userId: second.people.driver.id, amount: '3.30' });
    signInAs(second.people.driver);
    const opened = await payStatementAction(idle, formData({ accountId: second.people.account.id, statementId: statement.id }));
    if (opened.status !== 'ok') throw new Error(JSON.stringify(opened));
    await world.stub.pay(checkoutIdOf(opened.data.checkoutUrl));
    expect((await statementRow(db, statement.id)).status).toBe('paid');
  });
});
