import type { ChildProcess } from 'node:child_process';
import { devices, expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { startStripeStub, type StripeStub } from '../scripts/stripe-stub/server';
import { activateAndLogin, addCharger, giveVirtualCard, openMailLink, PASSWORD, shownKwh, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });
// One Stripe stub on its port for the file: its tests run one after another in one worker.
test.describe.configure({ mode: 'default' });

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

// Monthly statements are issued on the first of the month; this one is made by hand for the test.
async function issueStatement({ accountId, email, period = ['2026-11-01', '2026-12-01'] }: { accountId: string; email: string; period?: [string, string] }) {
  const [statement] = await sql`insert into statements (account_id, user_id, period_start, period_end, session_count, energy_wh, amount, currency, transfer_reference)
    select ${accountId}, id, ${period[0]}, ${period[1]}, 4, 41230, '12.34', 'EUR', ${`CW-E2E-${Date.now()}`} from users where email = ${email} returning id`;
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

test('a driver saves a card on the stubbed setup page, sees it, the statement issued next is charged to it and shows paid, and one charged to a declining card stays due with a way to pay', async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const driver = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  const driverEmail = uniqueEmail('card-driver');
  await activateAndLogin(owner, { name: 'Petra Owner', email: uniqueEmail('card-owner') });
  await inviteDriver(owner, driver, driverEmail);
  const accountId = await chooseStripe(owner);

  await driver.goto('/payments');
  await driver.getByRole('button', { name: 'Save a card' }).click();
  await expect(driver).toHaveURL(new RegExp(`^${stub.url}/c/pay/`));
  await driver.getByLabel('Card number').fill('4242 4242 4242 4242');
  await driver.getByRole('button', { name: 'Save card' }).click();
  await expect(driver).toHaveURL(/\/payments\?card=saved$/);
  await expect(driver.getByText('Thank you: your card is saved.', { exact: false })).toBeVisible();
  await expect(driver.getByTestId('saved-card')).toContainText('Visa •••• 4242, charged on the 1st');
  expect(await driver.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Issued as the sweep issues them; the OCPP server's next sweep charges the card, and Stripe's webhook says paid.
  const statementId = await issueStatement({ accountId, email: driverEmail });
  const driverId = (await sql<{ id: string }[]>`select id from users where email = ${driverEmail}`)[0]!.id;
  const issued = driver.getByTestId('issued-2026-11-01');
  await expect
    .poll(
      async () => {
        await driver.goto(`/statements/user-${driverId}?month=2026-11`);
        return issued.getByTestId('statement-status').innerText();
      },
      { timeout: 60_000 },
    )
    .toContain('Paid');
  await expect(issued.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  expect([...stub.cards.intents.values()].filter((intent) => (intent.body.metadata as Record<string, string>).statementId === statementId)).toHaveLength(1);

  await owner.goto('/payments');
  await expect(owner.getByTestId(`payment-${statementId}`)).toContainText('Dan Driver, November 2026: €12.34');
  await expect(owner.getByTestId(`payment-${statementId}`)).toContainText('Paid');

  // Another card, one the bank declines: the next statement stays due, says so, and the member is e-mailed a way to pay.
  await driver.goto('/payments');
  await driver.getByRole('button', { name: 'Use another card' }).click();
  await driver.getByLabel('Card number').fill('4000 0000 0000 0002');
  await driver.getByRole('button', { name: 'Save card' }).click();
  await expect(driver.getByTestId('saved-card')).toContainText('Visa •••• 0002, charged on the 1st');
  await issueStatement({ accountId, email: driverEmail, period: ['2026-10-01', '2026-11-01'] });
  await expect.poll(async () => (await sql`select 1 from outbox_emails where "to" = ${driverEmail} and subject like 'Your card was not charged%'`).length, { timeout: 60_000 }).toBe(1);
  await openMailLink(driver, { to: driverEmail, subject: 'Your card was not charged for October 2026' });
  const declined = driver.getByTestId('issued-2026-10-01');
  await expect(declined.getByTestId('statement-status')).toContainText('Due');
  await expect(declined.getByTestId('card-charge')).toHaveText('The automatic charge to your saved card failed. Pay by checkout instead.');
  await expect(declined.getByRole('button', { name: 'Pay €12.34' })).toBeVisible();

  await driver.goto('/payments');
  driver.once('dialog', (dialog) => void dialog.accept());
  await driver.getByTestId('saved-card').getByRole('button', { name: 'Remove' }).click();
  await expect(driver.getByRole('button', { name: 'Save a card' })).toBeVisible();
  await driver.reload();
  await expect(driver.getByTestId('saved-card')).toHaveCount(0);
  await expect(driver.getByRole('button', { name: 'Save a card' })).toBeVisible();
});

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// Time of use with a night price across midnight, and the driver's own price, which is what their charging costs.
async function setPrices(owner: Page) {
  await owner.goto('/sessions/tariff');
  const prices = owner.getByTestId('tariff-account');
  await prices.getByRole('radio', { name: 'Time of use' }).check();
  const period = (n: number) => prices.getByTestId(`period-${n}`);
  await period(0).getByLabel('From hour').fill('22');
  await period(0).getByLabel('To hour').fill('6');
  await period(0).getByLabel('Price per kWh').fill('0.10');
  await prices.getByRole('button', { name: 'Add a period' }).click();
  await period(1).getByLabel('From hour').fill('6');
  await period(1).getByLabel('To hour').fill('6');
  await period(1).getByLabel('Price per kWh').fill('0.30');
  await prices.getByRole('button', { name: 'Save' }).click();
  await expect(period(1).getByText(/^Enter whole hours from 0 to 24, start and end different/)).toBeVisible();
  await period(1).getByLabel('To hour').fill('22');
  await prices.getByRole('button', { name: 'Save' }).click();
  await expect(prices.getByText(/^Saved\./)).toBeVisible();

  const own = owner.getByTestId(/^own-price-/).filter({ hasText: 'Dan Driver' });
  await own.getByLabel('Own price per kWh').fill('0.5');
  await own.getByRole('button', { name: 'Save' }).click();
  await expect(own.getByText('Own price: €0.50 per kWh')).toBeVisible();
}

// The driver charges at the simulator from their phone, stops, and reads what the session cost.
async function chargeOnce(driver: Page): Promise<string> {
  await driver.goto('/charge');
  const charger = driver.getByTestId('charge-card').filter({ hasText: 'Garage wallbox' });
  await expect(charger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await charger.getByRole('button', { name: 'Start charging on connector 1' }).click();
  await expect(charger.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => shownKwh(driver.getByTestId('session-energy')), { timeout: 60_000 }).toBeGreaterThan(0.5);
  await charger.getByRole('button', { name: 'Stop charging' }).click();
  const finished = charger.getByTestId('finished-session');
  await expect(finished).toBeVisible({ timeout: 60_000 });
  return (await finished.getByTestId('session-cost').innerText()).trim();
}

// This month's statement, issued as the OCPP server's sweep issues last month's on the first: for this driver only,
// so the other tests' accounts sharing the database are left alone.
async function issueThisMonth({ accountId, userId }: { accountId: string; userId: string }) {
  const { createDb } = await import('../db/client');
  const { issueHolderStatements } = await import('../domain/statements/monthly-issue');
  const { monthPeriod } = await import('../domain/statements/period');
  const { db, sql: client } = createDb(process.env.DATABASE_URL!, { max: 1 });
  const period = monthPeriod(new Date().toISOString().slice(0, 7));
  expect(await issueHolderStatements(db, { accountId, holder: { userId }, period })).toBe(1);
  await client.end();
  return period.from;
}

test('journey: the owner prices charging, the driver charges, both see the statement, the driver pays through Stripe, and the owner sees it paid and refunds part', async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const driver = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'en-GB' })).newPage();
  const driverEmail = uniqueEmail('journey-driver');
  await activateAndLogin(owner, { name: 'Petra Owner', email: uniqueEmail('journey-owner') });
  await inviteDriver(owner, driver, driverEmail);
  await setPrices(owner);
  const accountId = await chooseStripe(owner);
  const connection = await addCharger(owner, { name: 'Garage wallbox', identity: `JOURNEY-${Date.now().toString(36).toUpperCase()}` });
  simulator = startSimulator({ ...connection, extra: ['--meter-interval', '1000', '--power', '180000'] });
  await giveVirtualCard(owner, { email: driverEmail, label: 'Dan’s phone' });

  const cost = await chargeOnce(driver);
  expect(cost).toMatch(/^€\d+\.\d{2}$/);
  const driverId = (await sql<{ id: string }[]>`select id from users where email = ${driverEmail}`)[0]!.id;
  const periodStart = await issueThisMonth({ accountId, userId: driverId });
  const month = periodStart.slice(0, 7);

  // Both see the statement: the session at the driver's own price, the total what the session cost.
  await owner.goto('/statements');
  await expect(owner.getByTestId(`balance-user-${driverId}`)).toContainText(cost);
  await owner.goto(`/statements/user-${driverId}?month=${month}`);
  await expect(owner.getByTestId('statement-totals')).toContainText(`Total: ${cost}`);
  await expect(owner.getByTestId('statement-sessions')).toContainText('Garage wallbox');
  await expect(owner.getByTestId('statement-sessions')).toContainText('€0.50');
  await driver.goto(`/statements/user-${driverId}?month=${month}`);
  await expect(driver.getByTestId('statement-totals')).toContainText(`Total: ${cost}`);
  await expect(driver.getByTestId(`issued-${periodStart}`)).toContainText('Due');

  // The driver pays through the stub's checkout page, which sends the signed webhook back to the platform.
  await driver.getByTestId(`issued-${periodStart}`).getByRole('button', { name: `Pay ${cost}` }).click();
  await expect(driver).toHaveURL(new RegExp(`^${stub.url}/c/pay/`));
  const checkoutPage = driver.url();
  await driver.getByRole('button', { name: /^Pay / }).click();
  await expect(driver).toHaveURL(/\/payments\?statement=.*&paid=1$/);
  await expect(driver.getByText('You have no statement to pay.')).toBeVisible();
  await driver.goto(`/statements/user-${driverId}?month=${month}`);
  await expect(driver.getByTestId(`issued-${periodStart}`).getByTestId('statement-status')).toContainText('Paid');
  await expect(driver.getByTestId(`issued-${periodStart}`).getByRole('button', { name: /^Pay / })).toHaveCount(0);
  // Back on the checkout page already paid: nothing more to pay there.
  await driver.goto(checkoutPage);
  await expect(driver.getByText('This checkout is closed.')).toBeVisible();

  await owner.goto(`/statements/user-${driverId}?month=${month}`);
  await expect(owner.getByTestId(`issued-${periodStart}`).getByTestId('statement-status')).toContainText('Paid');
  await owner.goto('/payments');
  const payment = owner.getByTestId(`payment-${await statementIdOf(driverId)}`);
  await expect(payment).toContainText(`Dan Driver`);
  await expect(payment).toContainText('Paid');

  // A part refunded: more than was paid is refused next to the field, in words.
  await payment.getByLabel('Amount to refund').fill('999');
  owner.once('dialog', (dialog) => void dialog.accept());
  await payment.getByRole('button', { name: 'Refund' }).click();
  await expect(payment.getByText(/^At most €\d+\.\d{2} is left to refund of this payment\.$/)).toBeVisible();
  await payment.getByLabel('Amount to refund').fill('0.05');
  owner.once('dialog', (dialog) => void dialog.accept());
  await payment.getByRole('button', { name: 'Refund' }).click();
  await expect(payment).toContainText(`Partly refunded: €0.05 of ${cost} ·`);
  await expect(payment).toContainText('Paid ·');
  await expect(payment).not.toContainText('Refunded ·');
});

async function statementIdOf(userId: string) {
  const [row] = await sql<{ id: string }[]>`select id from statements where user_id = ${userId}`;
  return row!.id;
}
