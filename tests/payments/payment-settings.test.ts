// The owner's payment settings: the Stripe keys are sealed and never come back to the browser, only their endings;
// a blank field keeps a saved key; only the owner changes them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accountPaymentSettings } from '@/db/schema';
import { describePaymentSettings, providerForAccount } from '@/domain/payments/account-provider';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeAccountWithMembers } from './fixture';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { savePaymentSettingsAction } = await import('@/app/(app)/payments/settings/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;
const KEY = 'sk_test_51SecretKeyOfTheOwner9876';
const SIGNING = 'whsec_SigningSecretOfTheOwner4321';

let people: Awaited<ReturnType<typeof makeAccountWithMembers>>;
beforeAll(async () => {
  people = await makeAccountWithMembers(db);
});

const save = (fields: Record<string, string>) => savePaymentSettingsAction(idle, formData({ accountId: people.account.id, ...fields }));
const storedRow = async () => (await db.select().from(accountPaymentSettings).where(eq(accountPaymentSettings.accountId, people.account.id)))[0];

describe('payment settings', () => {
  it('are manual until the owner chooses Stripe, which needs both keys', async () => {
    expect(await describePaymentSettings(db, { accountId: people.account.id })).toEqual({ method: 'manual', secretKeyEnding: null, webhookSecretEnding: null });
    signInAs(people.owner);
    expect(await save({ method: 'stripe', stripeSecretKey: KEY })).toMatchObject({ status: 'error', fieldErrors: { stripeWebhookSecret: ['required'] } });
    expect(await storedRow()).toBeUndefined();
  });

  it('seal the keys: the row holds neither, the page sees only their endings, and the provider opens them', async () => {
    signInAs(people.owner);
    expect(await save({ method: 'stripe', stripeSecretKey: KEY, stripeWebhookSecret: SIGNING })).toEqual({ status: 'ok', data: null });
    expect(JSON.stringify(await storedRow())).not.toContain(KEY.slice(8));
    expect(JSON.stringify(await storedRow())).not.toContain(SIGNING.slice(6));
    expect(await describePaymentSettings(db, { accountId: people.account.id })).toEqual({ method: 'stripe', secretKeyEnding: '9876', webhookSecretEnding: '4321' });
    expect((await providerForAccount(db, { accountId: people.account.id, secret: process.env.AUTH_SECRET! })).name).toBe('stripe');
    // Under another AUTH_SECRET the keys do not open, and the account settles by hand until they are entered again.
    expect((await providerForAccount(db, { accountId: people.account.id, secret: 'another-secret-another-secret-xx' })).name).toBe('manual');
  });

  it('keep a saved key when its field is left blank, and go back to manual without losing it', async () => {
    signInAs(people.owner);
    const sealedBefore = (await storedRow())!.sealedStripeSecretKey;
    expect(await save({ method: 'stripe', stripeSecretKey: '', stripeWebhookSecret: '' })).toEqual({ status: 'ok', data: null });
    expect((await storedRow())!.sealedStripeSecretKey).toBe(sealedBefore);
    expect(await save({ method: 'manual' })).toEqual({ status: 'ok', data: null });
    expect(await describePaymentSettings(db, { accountId: people.account.id })).toMatchObject({ method: 'manual', secretKeyEnding: '9876' });
    expect((await providerForAccount(db, { accountId: people.account.id, secret: process.env.AUTH_SECRET! })).name).toBe('manual');
    // Payments already made through Stripe are still heard and refunded with the saved keys.
    expect((await providerForAccount(db, { accountId: people.account.id, secret: process.env.AUTH_SECRET!, purpose: 'settle' })).name).toBe('stripe');
  });

  it('refuse a malformed key next to its field without sending any key back', async () => {
    signInAs(people.owner);
    const result = await save({ method: 'stripe', stripeSecretKey: 'pk_test_aPublishableKey123', stripeWebhookSecret: SIGNING });
    expect(result).toMatchObject({ status: 'error', fieldErrors: { stripeSecretKey: ['stripeSecretKeyInvalid'] } });
    expect(JSON.stringify(result)).not.toContain('pk_test_aPublishableKey123');
    expect(JSON.stringify(result)).not.toContain(SIGNING);
  });

  it('are changed by the owner only: a co-owner and a driver are refused and nothing changes', async () => {
    const before = await storedRow();
    signInAs(people.coOwner);
    expect(await save({ method: 'stripe', stripeSecretKey: 'sk_test_coOwnersOwnKey000', stripeWebhookSecret: SIGNING })).toMatchObject({ status: 'error', formError: 'ownersOnly' });
    signInAs(people.driver);
    expect(await save({ method: 'manual' })).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
    expect(await storedRow()).toEqual(before);
  });
});
