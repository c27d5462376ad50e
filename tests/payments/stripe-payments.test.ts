// A member pays a due statement through Stripe (the local stub speaking Stripe's API, its checkout page and its
// signed webhooks), the platform hears it over a real HTTP webhook, and an owner refunds it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { paymentWebhookEvents } from '@/db/schema';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeAccountWithMembers, makeStatement, paymentsOf, statementRow } from './fixture';
import { postWebhook, startStripeWorld, type StripeWorld } from './stripe-support';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction, refundStatementAction } = await import('@/app/(app)/payments/actions');
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;
const SECRET_KEY = 'sk_test_chargewatchStubKey01';

let world: StripeWorld;
let people: Awaited<ReturnType<typeof makeAccountWithMembers>>;
let webhookSecret: string;

beforeAll(async () => {
  world = await startStripeWorld();
  people = await makeAccountWithMembers(db);
  webhookSecret = await world.registerWebhook(SECRET_KEY, people.account.id);
  signInAs(people.owner);
  const saved = await savePaymentSettingsAction(idle, formData({ accountId: people.account.id, method: 'stripe', stripeSecretKey: SECRET_KEY, stripeWebhookSecret: webhookSecret }));
  expect(saved).toEqual({ status: 'ok', data: null });
});
afterAll(async () => {
  await world.close();
  await sql.end();
});

async function pay(statementId: string) {
  signInAs(people.driver);
  const result = await payStatementAction(idle, formData({ accountId: people.account.id, statementId }));
  if (result.status !== 'ok') throw new Error(`no checkout: ${JSON.stringify(result)}`);
  return result.data.checkoutUrl;
}

// The member presses Pay on the stub's checkout page; Stripe then sends checkout.session.completed.
async function pressPay(checkoutUrl: string) {
  const response = await fetch(checkoutUrl, { method: 'POST', redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

const sessionOf = (checkoutUrl: string) => world.stub.sessions.get(checkoutUrl.split('/').at(-1)!)!;

describe('paying a statement through Stripe', () => {
  it("opens a Checkout Session for the member's due statement, in cents, with the statement's id and the way back", async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '12.34' });
    const checkoutUrl = await pay(statement.id);

    expect(checkoutUrl.startsWith(`${world.stub.url}/c/pay/`)).toBe(true);
    const session = sessionOf(checkoutUrl);
    expect(session).toMatchObject({ mode: 'payment', amount_total: 1234, currency: 'eur', metadata: { statementId: statement.id }, customer_email: people.driver.email, secretKey: SECRET_KEY });
    expect(session.success_url).toMatch(new RegExp(`/payments\\?statement=${statement.id}&paid=1$`));
    expect(session.description).toContain(statement.transferReference);
    expect(session.description).toMatch(/^Laden im /);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'pending', amount: '12.34', currency: 'EUR', providerCheckoutId: session.id })]);
    expect((await statementRow(db, statement.id)).status).toBe('due');
  });

  it('marks the statement paid when the signed checkout.session.completed webhook arrives', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '40.05' });
    const checkoutUrl = await pay(statement.id);
    const backTo = await pressPay(checkoutUrl);

    expect(backTo).toContain(`statement=${statement.id}&paid=1`);
    expect(world.stub.delivered.at(-1)).toMatchObject({ type: 'checkout.session.completed', status: 200 });
    const paid = await statementRow(db, statement.id);
    expect(paid.status).toBe('paid');
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'paid', providerPaymentId: sessionOf(checkoutUrl).payment_intent })]);
  });

  it('refuses a webhook whose signature does not hold with 400, and changes nothing', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    const session = sessionOf(await pay(statement.id));
    const payload = JSON.stringify({ id: 'evt_forged_1', object: 'event', type: 'checkout.session.completed', data: { object: { ...session, status: 'complete', payment_status: 'paid', payment_intent: 'pi_forged' } } });
    const url = world.webhookUrl(people.account.id);

    const wrongSecret = await postWebhook(url, { payload, secret: 'whsec_notTheAccountsSecret0000' });
    const noSignature = await fetch(url, { method: 'POST', body: payload });
    const garbage = await postWebhook(url, { payload, signature: 't=1,v1=00' });

    expect([wrongSecret.status, noSignature.status, garbage.status]).toEqual([400, 400, 400]);
    expect((await statementRow(db, statement.id)).status).toBe('due');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'pending', providerPaymentId: null })]);
    expect(await db.select().from(paymentWebhookEvents).where(eq(paymentWebhookEvents.eventId, 'evt_forged_1'))).toEqual([]);
  });

  it('acts on a webhook delivered twice, even at once, only once', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id });
    const checkoutUrl = await pay(statement.id);
    await pressPay(checkoutUrl);
    const { eventId } = world.stub.delivered.at(-1)!;
    const paidAt = (await statementRow(db, statement.id)).paidAt;

    const before = world.stub.delivered.length;
    await Promise.all([world.stub.deliver(eventId), world.stub.deliver(eventId)]);

    expect(world.stub.delivered.slice(before).map((delivery) => delivery.status)).toEqual([200, 200]);
    expect((await statementRow(db, statement.id)).paidAt).toEqual(paidAt);
    expect(await db.select().from(paymentWebhookEvents).where(eq(paymentWebhookEvents.eventId, eventId))).toHaveLength(1);
  });

  it('answers an event seen before "duplicate", and leaves a statement refunded since as it is', async () => {
    const statement = await makeStatement(db, { accountId: people.account.id, userId: people.driver.id, amount: '7.00' });
    const checkoutUrl = await pay(statement.id);
    await pressPay(checkoutUrl);
    const { eventId } = world.stub.delivered.at(-1)!;
    signInAs(people.owner);
    expect(await refundStatementAction(idle, formData({ accountId: people.account.id, statementId: statement.id }))).toEqual({ status: 'ok', data: null });

    const payload = JSON.stringify({ id: eventId, object: 'event', type: 'checkout.session.completed', data: { object: sessionOf(checkoutUrl) } });
    const again = await postWebhook(world.webhookUrl(people.account.id), { payload, secret: webhookSecret });

    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect((await statementRow(db, statement.id)).status).toBe('refunded');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'refunded' })]);
  });
});
