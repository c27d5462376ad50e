// A member saves a card for monthly settlement on the Stripe stub's setup page; the platform keeps what the signed
// webhook names (brand, last four digits, expiry), once, and forgets it at the provider and here on Remove.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { paymentCustomers, paymentWebhookEvents } from '@/db/schema';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import type { makeAccountWithMembers } from './fixture';
import { saveCardThroughStub, savedCardsOf } from './saved-card-support';
import { stripeAccount } from './stripe-account';
import { postWebhook, type StripeWorld } from './stripe-support';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { saveCardAction, removeSavedCardAction } = await import('@/app/(app)/payments/card-actions');
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
const idle = { status: 'idle' } as const;
const SECRET_KEY = 'sk_test_chargewatchSavedCard01';

let world: StripeWorld;
let people: Awaited<ReturnType<typeof makeAccountWithMembers>>;
let webhookSecret: string;

beforeAll(async () => {
  ({ world, people, webhookSecret } = await stripeAccount(db, SECRET_KEY));
});
afterAll(async () => {
  await world.close();
  await sql.end();
});

describe('saving a card for monthly settlement', () => {
  it('opens a setup-mode checkout for a Stripe customer made for this member of this account, and keeps the card the webhook names', async () => {
    const saved = await saveCardThroughStub(world, { accountId: people.account.id, member: people.driver });

    expect(saved.session).toMatchObject({ mode: 'setup', status: 'complete', secretKey: SECRET_KEY });
    expect(saved.status).toBe(303);
    expect(saved.location).toMatch(/\/payments\?card=saved$/);
    const customer = world.stub.cards.customers.get(saved.session.customer!)!;
    expect(customer).toMatchObject({ email: people.driver.email, metadata: { accountId: people.account.id, userId: people.driver.id } });
    expect(await db.select().from(paymentCustomers).where(eq(paymentCustomers.userId, people.driver.id))).toEqual([expect.objectContaining({ providerCustomerId: customer.id })]);
    expect(world.stub.delivered.at(-1)).toMatchObject({ type: 'checkout.session.completed', status: 200 });
    const [card] = await savedCardsOf(db, people.driver.id);
    expect(card).toMatchObject({ accountId: people.account.id, brand: 'visa', last4: '4242', expMonth: 12, providerCustomerId: customer.id });
    expect(card!.providerPaymentMethodId).toBe(world.stub.cards.setupIntents.get(saved.session.setup_intent!)!.payment_method);
  });

  it('changes nothing when the same webhook arrives again', async () => {
    const member = people.otherDriver;
    await saveCardThroughStub(world, { accountId: people.account.id, member });
    const { eventId } = world.stub.delivered.at(-1)!;
    const before = await savedCardsOf(db, member.id);

    const count = world.stub.delivered.length;
    await Promise.all([world.stub.deliver(eventId), world.stub.deliver(eventId)]);

    expect(world.stub.delivered.slice(count).map((delivery) => delivery.status)).toEqual([200, 200]);
    expect(await savedCardsOf(db, member.id)).toEqual(before);
    expect(await db.select().from(paymentWebhookEvents).where(eq(paymentWebhookEvents.eventId, eventId))).toHaveLength(1);
  });

  it('reuses the member’s customer for another card, which replaces the first (and Stripe forgets the first)', async () => {
    const first = await saveCardThroughStub(world, { accountId: people.account.id, member: people.coOwner });
    const firstMethod = (await savedCardsOf(db, people.coOwner.id))[0]!.providerPaymentMethodId;
    const second = await saveCardThroughStub(world, { accountId: people.account.id, member: people.coOwner, number: '5555 5555 5555 4444' });

    expect(second.session.customer).toBe(first.session.customer);
    expect(await savedCardsOf(db, people.coOwner.id)).toEqual([expect.objectContaining({ brand: 'mastercard', last4: '4444' })]);
    expect(world.stub.cards.paymentMethods.get(firstMethod)!.customer).toBeNull();
  });

  it('removes the card: detached at Stripe and gone here', async () => {
    const member = people.otherDriver;
    const [card] = await savedCardsOf(db, member.id);
    signInAs(member);
    expect(await removeSavedCardAction(idle, formData({ accountId: people.account.id }))).toEqual({ status: 'ok', data: null });

    expect(world.stub.cards.paymentMethods.get(card!.providerPaymentMethodId)!.customer).toBeNull();
    expect(await savedCardsOf(db, member.id)).toEqual([]);
    expect(await removeSavedCardAction(idle, formData({ accountId: people.account.id }))).toMatchObject({ status: 'error', formError: 'notFound' });
  });

  it('keeps no card from a setup signed for this account whose customer belongs to another account', async () => {
    const other = await stripeAccount(db, 'sk_test_chargewatchOtherAcct1', world);
    const saved = await saveCardThroughStub(world, { accountId: other.people.account.id, member: other.people.driver });
    const payload = JSON.stringify({ id: 'evt_cross_account_setup', object: 'event', type: 'checkout.session.completed', data: { object: { ...saved.session, secretKey: undefined } } });

    const answer = await postWebhook(world.webhookUrl(people.account.id), { payload, secret: webhookSecret });

    expect(await answer.json()).toMatchObject({ outcome: 'ignored' });
    expect(await savedCardsOf(db, other.people.driver.id)).toEqual([expect.objectContaining({ accountId: other.people.account.id })]);
  });

  it('answers in words, with nothing saved, where the account settles by transfer', async () => {
    signInAs(people.owner);
    await savePaymentSettingsAction(idle, formData({ accountId: people.account.id, method: 'manual' }));
    signInAs(people.driver);
    expect(await saveCardAction(idle, formData({ accountId: people.account.id }))).toMatchObject({ status: 'error', formError: 'paymentsManual' });
    signInAs(people.owner);
    await savePaymentSettingsAction(idle, formData({ accountId: people.account.id, method: 'stripe' }));
  });
});
