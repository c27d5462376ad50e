import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { startStripeStub, type StripeStub } from '../scripts/stripe-stub/server';
import { activateAndLogin, openMailLink, PASSWORD, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

// The platform under test calls STRIPE_API_BASE (scripts/lib/app-under-test.ts): the stub listens there.
let stub: StripeStub;
const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
test.beforeAll(async () => {
  stub = await startStripeStub({ port: Number(new URL(process.env.STRIPE_API_BASE ?? 'http://127.0.0.1:12110').port) });
});
test.afterAll(async () => {
  await stub.close();
  await sql.end();
});

const SECRET_KEY = 'sk_test_e2eOwnerStripeKey0001';

async function inviteDriver(owner: Page, driver: Page, email: string) {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(email);
  await owner.getByTestId('invite-role-driver').check();
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await openMailLink(driver, { to: email, subject: 'Petra Owner invited you' });
  await driver.getByLabel('Your name').fill('Dan Driver');
  await driver.getByLabel('Password').fill(PASSWORD);
  await driver.getByRole('button', { name: 'Create account and join' }).click();
  await expect(driver).toHaveURL(/\/charge$/);
}

// The owner chooses Stripe: the secret key, then the webhook address given to Stripe and its signing secret.
async function chooseStripe(owner: Page): Promise<string> {
  await owner.goto('/payments/settings');
  await owner.getByRole('radio', { name: /Online with Stripe/ }).check();
  await owner.getByRole('button', { name: 'Save' }).click();
  await expect(owner.getByText('This field is required.').first()).toBeVisible();
  await owner.getByLabel('Stripe secret key').fill(SECRET_KEY);
  const webhookUrl = await owner.getByTestId('stripe-webhook-url').inputValue();
  const { secret } = await fetch(`${stub.url}/v1/webhook_endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ url: webhookUrl }),
  }).then((response) => response.json() as Promise<{ secret: string }>);
  await owner.getByLabel('Webhook signing secret').fill(secret);
  await owner.getByRole('button', { name: 'Save' }).click();
  await expect(owner.getByText('Saved. Members pay this way from now on.')).toBeVisible();
  await owner.reload();
  await expect(owner.getByText(`A key ending in …${SECRET_KEY.slice(-4)} is saved. Leave empty to keep it.`)).toBeVisible();
  return webhookUrl.split('/').at(-2)!;
}

// Monthly statements are issued on the first of the month; this one is issued by hand for the test.
async function issueStatement({ accountId, email }: { accountId: string; email: string }) {
  const [statement] = await sql`insert into statements (account_id, user_id, period_start, period_end, session_count, energy_wh, amount, currency, transfer_reference)
    select ${accountId}, id, '2026-11-01', '2026-12-01', 4, 41230, '12.34', 'EUR', ${`CW-E2E-${Date.now()}`} from users where email = ${email} returning id`;
  return statement!.id as string;
}

test('a driver pays a statement from their phone through the Stripe checkout, and the owner sees it paid and refunds it', async ({ browser }) => {
  test.slow();
  const ownerEmail = uniqueEmail('pay-owner');
  const driverEmail = uniqueEmail('pay-driver');
  const owner = await (await browser.newContext()).newPage();
  const driver = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await activateAndLogin(owner, { name: 'Petra Owner', email: ownerEmail });
  await inviteDriver(owner, driver, driverEmail);
  const accountId = await chooseStripe(owner);
  const statementId = await issueStatement({ accountId, email: driverEmail });

  await driver.goto('/payments');
  const due = driver.getByTestId(`due-${statementId}`);
  await expect(due).toContainText('November 2026: €12.34');
  await due.getByRole('button', { name: 'Pay €12.34' }).click();
  await expect(driver).toHaveURL(new RegExp(`^${stub.url}/c/pay/`));
  await expect(driver.getByTestId('stub-amount')).toHaveText('12.34 EUR');
  await driver.getByRole('button', { name: 'Pay 12.34 EUR' }).click();
  await expect(driver).toHaveURL(/\/payments\?statement=.*&paid=1$/);
  await expect(driver.getByText('Thank you: the payment went through.', { exact: false })).toBeVisible();
  await expect(driver.getByText('You have no statement to pay.')).toBeVisible();
  expect(await driver.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await owner.goto('/payments');
  const payment = owner.getByTestId(`payment-${statementId}`);
  await expect(payment).toContainText('Dan Driver, November 2026: €12.34');
  await expect(payment).toContainText('Paid');
  owner.once('dialog', (dialog) => void dialog.accept());
  await payment.getByRole('button', { name: 'Refund' }).click();
  await expect(payment).toContainText('Refunded ·');
  await expect(payment.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await owner.reload();
  await expect(owner.getByTestId(`payment-${statementId}`)).toContainText('Refunded');
  expect([...stub.sessions.values()].find((session) => session.metadata.statementId === statementId)?.refunded).toBe(1234);
});
