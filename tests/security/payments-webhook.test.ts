// The Stripe webhook route, tried as an attacker would: an event signed with one account's secret sent to another
// account's address, addresses naming no account or one that settles by hand, and hostile bodies and headers. Each is
// refused (400 or 404) and changes nothing; none is a 500.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeAccountWithMembers, makeStatement, paymentsOf, statementRow } from '../payments/fixture';
import { postWebhook, startStripeWorld, type StripeWorld } from '../payments/stripe-support';
import { HOSTILE_TEXT } from './hostile-input';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { payStatementAction } = await import('@/app/(app)/payments/actions');
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;

let world: StripeWorld;
type Stripey = Awaited<ReturnType<typeof makeAccountWithMembers>> & { secretKey: string; webhookSecret: string };
let victim: Stripey;
let attacker: Stripey;

async function stripeAccount(secretKey: string): Promise<Stripey> {
  const people = await makeAccountWithMembers(db);
  const webhookSecret = await world.registerWebhook(secretKey, people.account.id);
  signInAs(people.owner);
  await savePaymentSettingsAction(idle, formData({ accountId: people.account.id, method: 'stripe', stripeSecretKey: secretKey, stripeWebhookSecret: webhookSecret }));
  return { ...people, secretKey, webhookSecret };
}

beforeAll(async () => {
  world = await startStripeWorld();
  victim = await stripeAccount('sk_test_victimAccountKey01');
  attacker = await stripeAccount('sk_test_attackerAccountKey1');
});
afterAll(async () => {
  await world.close();
  await sql.end();
});

async function openCheckout(statementId: string) {
  signInAs(victim.driver);
  const result = await payStatementAction(idle, formData({ accountId: victim.account.id, statementId }));
  if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  return world.stub.sessions.get(result.data.checkoutUrl.split('/').at(-1)!)!;
}

const paidEvent = (session: object, id: string) => JSON.stringify({ id, object: 'event', type: 'checkout.session.completed', data: { object: { ...session, status: 'complete', payment_status: 'paid', payment_intent: 'pi_attack' } } });

describe('the Stripe webhook route', () => {
  it("refuses an event signed with another account's secret, sent to this account's address", async () => {
    const statement = await makeStatement(db, { accountId: victim.account.id, userId: victim.driver.id });
    const session = await openCheckout(statement.id);
    const response = await postWebhook(world.webhookUrl(victim.account.id), { payload: paidEvent(session, 'evt_cross_1'), secret: attacker.webhookSecret });
    expect(response.status).toBe(400);
    expect((await statementRow(db, statement.id)).status).toBe('due');
  });

  it("changes nothing here when the attacker signs, with their own secret, an event naming this account's checkout", async () => {
    const statement = await makeStatement(db, { accountId: victim.account.id, userId: victim.driver.id });
    const session = await openCheckout(statement.id);
    const response = await postWebhook(world.webhookUrl(attacker.account.id), { payload: paidEvent(session, 'evt_cross_2'), secret: attacker.webhookSecret });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'ignored' });
    expect((await statementRow(db, statement.id)).status).toBe('due');
    expect(await paymentsOf(db, statement.id)).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('does not mark paid a checkout whose event says a smaller amount than the statement', async () => {
    const statement = await makeStatement(db, { accountId: victim.account.id, userId: victim.driver.id, amount: '80.00' });
    const session = await openCheckout(statement.id);
    const response = await postWebhook(world.webhookUrl(victim.account.id), { payload: paidEvent({ ...session, amount_total: 1 }, 'evt_cheap_1'), secret: victim.webhookSecret });
    expect(await response.json()).toMatchObject({ outcome: 'ignored' });
    expect((await statementRow(db, statement.id)).status).toBe('due');
  });

  it('answers 404 for an address naming no account, an account that is not on Stripe, or no uuid', async () => {
    const manual = await makeAccountWithMembers(db);
    const payload = paidEvent({ id: 'cs_x' }, 'evt_nowhere');
    for (const accountId of ['00000000-0000-4000-8000-000000000000', manual.account.id, 'not-a-uuid', '%00']) {
      expect((await postWebhook(world.webhookUrl(accountId), { payload, secret: victim.webhookSecret })).status, accountId).toBe(404);
    }
  });

  it('answers every hostile body and signature with 400, never an error', async () => {
    const url = world.webhookUrl(victim.account.id);
    for (const [kind, value] of Object.entries(HOSTILE_TEXT)) {
      expect((await postWebhook(url, { payload: value, signature: value.replace(/[^\x20-\x7e]/g, '?') })).status, kind).toBe(400);
      expect((await postWebhook(url, { payload: value, secret: 'whsec_wrongWrongWrong000' })).status, kind).toBe(400);
    }
  });

  it('answers a correctly signed body that is no event with 400, never an error', async () => {
    const url = world.webhookUrl(victim.account.id);
    for (const payload of ['not json', '[]', '{"id": 3}', 'null']) {
      const response = await postWebhook(url, { payload, secret: victim.webhookSecret });
      expect(response.status, payload).toBe(400);
    }
  });
});
