import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, openMailLink, PASSWORD, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const simulators: ChildProcess[] = [];
test.afterEach(() => {
  for (const simulator of simulators.splice(0)) simulator.kill('SIGTERM');
});

async function invite(owner: Page, { email, role, fill }: { email: string; role: 'driver' | 'guest'; fill?: () => Promise<void> }) {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(email);
  await owner.getByTestId(`invite-role-${role}`).check();
  await fill?.();
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

async function registerFromInvite(page: Page, { email, name }: { email: string; name: string }) {
  await openMailLink(page, { to: email, subject: 'Rolf Owner invited you' });
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
}

async function startCharging(page: Page) {
  await page.goto('/charge');
  const card = page.getByTestId('charge-card').filter({ hasText: 'Driveway' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await card.getByRole('button', { name: /Start charging on connector/ }).first().click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
}

test('a driver lands on Charge, sees only their own part, and removing them stops their session and e-mails them', async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const driver = await (await browser.newContext()).newPage();
  const ownerEmail = uniqueEmail('roles-owner');
  const driverEmail = uniqueEmail('roles-driver');

  await activateAndLogin(owner, { name: 'Rolf Owner', email: ownerEmail });
  const connection = await addCharger(owner, { name: 'Driveway', identity: `ROLES-${Date.now().toString(36).toUpperCase()}` });
  await owner.getByRole('link', { name: "Open the charger's page" }).click();
  await owner.waitForURL(/\/chargers\/[\da-f-]{36}$/);
  const chargerPath = new URL(owner.url()).pathname;
  simulators.push(startSimulator({ ...connection, extra: ['--meter-interval', '1000'] }));
  await giveVirtualCard(owner, { email: ownerEmail, label: 'Owner phone' });

  await owner.goto('/customers');
  await owner.getByTestId('invite-role-driver').check();
  await expect(owner.getByText('charges at this account\'s chargers with their own cards and sees only their own sessions')).toBeVisible();
  await invite(owner, { email: driverEmail, role: 'driver' });
  await registerFromInvite(driver, { email: driverEmail, name: 'Dora Driver' });
  await expect(driver).toHaveURL(/\/charge$/);
  await expect(driver.getByText('Add your first charger')).toHaveCount(0);

  await giveVirtualCard(owner, { email: driverEmail, label: 'Dora phone' });
  await owner.goto('/customers');
  await expect(owner.getByTestId('member-row').filter({ hasText: driverEmail })).toContainText('Driver');
  await startCharging(owner);
  const sessionRows = (page: Page) => page.getByTestId('session-table').locator('tbody tr');
  await owner.goto('/sessions');
  await sessionRows(owner).first().getByRole('link').first().click();
  await owner.waitForURL(/\/sessions\/\d+$/);
  const ownersSession = new URL(owner.url()).pathname;

  await startCharging(driver);
  // No settings, commands, cards or people for a driver: each page sends them back to Charge, and the menu leaves them out.
  for (const path of ['/chargers', chargerPath, '/cards', '/customers', '/sessions/tariff']) {
    await driver.goto(path);
    await expect(driver, path).toHaveURL(/\/charge$/);
  }
  await expect(driver.getByRole('navigation').getByRole('link', { name: 'Customers' })).toHaveCount(0);
  await driver.goto(ownersSession);
  await expect(driver.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await driver.goto('/sessions');
  await expect(sessionRows(driver)).toHaveCount(1);
  await expect(sessionRows(driver)).toContainText('Dora Driver');
  await sessionRows(driver).first().getByRole('link').first().click();
  await driver.waitForURL(/\/sessions\/\d+$/);
  const driversSession = new URL(driver.url()).pathname;

  owner.on('dialog', (dialog) => void dialog.accept());
  await owner.goto('/customers');
  await owner.getByTestId('member-row').filter({ hasText: driverEmail }).getByRole('button', { name: 'Remove' }).click();
  await expect(owner.getByTestId('member-row').filter({ hasText: driverEmail })).toHaveCount(0);
  await expect(async () => {
    await owner.goto(driversSession);
    await expect(owner.getByText('Charging now', { exact: true })).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(owner.getByTestId('session-facts')).toContainText('Stopped from the app');
  await expect(owner.getByTestId('former-member-sessions')).toHaveCount(0);

  await owner.goto('/mailbox');
  await expect(owner.getByRole('link', { name: new RegExp(`Your access to .* has ended[\\s\\S]*${driverEmail.replace(/[.+]/g, '\\$&')}`) })).toBeVisible();
});

test('a guest is refused at the charger once their end time has passed', async ({ browser }) => {
  test.slow();
  const owner = await (await browser.newContext()).newPage();
  const guest = await (await browser.newContext()).newPage();
  const guestEmail = uniqueEmail('roles-guest');
  const idTag = `G${Date.now().toString(36).toUpperCase()}`.slice(0, 20);

  await activateAndLogin(owner, { name: 'Rolf Owner', email: uniqueEmail('roles-owner') });
  const connection = await addCharger(owner, { name: 'Driveway', identity: `GUEST-${Date.now().toString(36).toUpperCase()}` });
  await owner.getByRole('link', { name: "Open the charger's page" }).click();
  await owner.waitForURL(/\/chargers\/[\da-f-]{36}$/);
  const chargerPath = new URL(owner.url()).pathname;

  // Far enough for the guest to register and the owner to give them a card; near enough to wait for.
  const endsAt = Date.now() + 100_000;
  await invite(owner, {
    email: guestEmail,
    role: 'guest',
    fill: async () => {
      const local = await owner.evaluate((at) => {
        const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
        return date.toISOString().slice(0, 19);
      }, endsAt);
      await owner.getByLabel('Access ends').fill(local);
    },
  });
  await registerFromInvite(guest, { email: guestEmail, name: 'Gus Guest' });
  await expect(guest).toHaveURL(/\/charge$/);
  await owner.goto('/customers');
  await expect(owner.getByTestId('member-row').filter({ hasText: guestEmail }).getByTestId('guest-limits')).toContainText('Until');

  await owner.goto('/cards/new');
  await owner.getByLabel('Card ID').fill(idTag);
  await owner.getByLabel('Label').fill('Guest tag');
  await owner.getByLabel('Linked user').selectOption({ label: `Gus Guest (${guestEmail})` });
  await owner.getByRole('button', { name: 'Add card' }).click();
  await expect(owner).toHaveURL(/\/cards$/);

  await expect.poll(() => Date.now(), { timeout: 120_000, intervals: [1000] }).toBeGreaterThan(endsAt + 1000);
  simulators.push(startSimulator({ ...connection, extra: [`--present-card=${idTag}`] }));
  await owner.goto(`${chargerPath}/why`);
  await expect(owner.getByTestId('why-timeline').first()).toContainText(`Card ${idTag} was refused: it belongs to someone who is no longer a member.`, { timeout: 60_000 });
  await guest.goto('/charge');
  await expect(guest.getByTestId('charge-card')).toHaveCount(0);
});
