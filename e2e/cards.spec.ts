import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, openAdvanced, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const row = (page: Page, idTag: string | RegExp) => page.getByTestId('card-row').filter({ hasText: idTag });

test('an owner adds a physical and a virtual card, blocks one, expires the other and sees the statuses', async ({ page }) => {
  const email = uniqueEmail('cards');
  await activateAndLogin(page, { name: 'Card Owner', email });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cards' }).click();
  await expect(page.getByRole('heading', { name: 'No cards yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Add RFID card' }).first().click();

  await expect(page.getByRole('radio', { name: /Physical RFID card/ })).toBeChecked();
  await page.getByLabel('Card ID').fill(' 04 a2 3b ff ');
  await page.getByLabel('Label').fill("Anna's fob");
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/cards$/);
  await expect(row(page, '04A23BFF').getByTestId('card-status')).toHaveText('Active');

  await page.getByRole('link', { name: 'Add RFID card' }).click();
  await page.getByLabel('Card ID').fill('04a23bff');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByText('This account already has a card with this ID.')).toBeVisible();
  await expect(page.getByLabel('Card ID')).toHaveValue('04a23bff');

  await page.getByRole('radio', { name: /Virtual card/ }).check();
  await expect(page.getByLabel('Card ID')).toHaveCount(0);
  await page.getByLabel('Label').fill('Phone');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByText('Choose the user this virtual card belongs to.')).toBeVisible();
  await page.getByLabel('Linked user').selectOption({ label: `Card Owner (${email})` });
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/cards$/);
  const virtual = row(page, /V[A-Z2-7]{15}/);
  await expect(virtual.getByTestId('card-status')).toHaveText('Active');
  await expect(virtual).toContainText('Card Owner');

  await page.getByRole('link', { name: "Open card Anna's fob" }).click();
  await page.getByRole('button', { name: 'Block card' }).click();
  await expect(page.getByTestId('card-status')).toHaveText('Blocked');
  await expect(page.getByRole('button', { name: 'Unblock card' })).toBeVisible();
  await page.getByRole('link', { name: 'All cards' }).click();

  await page.getByRole('link', { name: 'Open card Phone' }).click();
  await page.getByLabel('Valid until').fill('2020-01-31');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByTestId('card-status')).toHaveText('Expired');
  await page.getByRole('link', { name: 'All cards' }).click();

  await expect(row(page, '04A23BFF').getByTestId('card-status')).toHaveText('Blocked');
  await expect(virtual.getByTestId('card-status')).toHaveText('Expired');

  await page.getByRole('link', { name: "Open card Anna's fob" }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete card' }).click();
  await expect(page).toHaveURL(/\/cards$/);
  await expect(row(page, '04A23BFF')).toHaveCount(0);
  await expect(virtual).toHaveCount(1);
});

test('the add form preselects the user named in ?userId= only when they belong to the account', async ({ page }) => {
  const email = uniqueEmail('cards-link');
  await activateAndLogin(page, { name: 'Linked Owner', email });
  await page.goto('/cards/new');
  const userSelect = page.getByLabel('Linked user');
  await expect(userSelect).toHaveValue('');
  const ownerId = await userSelect.locator('option', { hasText: 'Linked Owner' }).getAttribute('value');
  expect(ownerId).toBeTruthy();

  await page.goto(`/cards/new?userId=${ownerId}`);
  await expect(userSelect).toHaveValue(ownerId!);
  await page.goto('/cards/new?userId=3f1c0e8a-1b2c-4d5e-8f90-123456789abc');
  await expect(userSelect).toHaveValue('');
});

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
  simulator = undefined;
});

test('a charger gets the card list when it connects and the change when a card is blocked, shown on the Cards and charger pages', async ({ page }) => {
  await activateAndLogin(page, { name: 'Sync Owner', email: uniqueEmail('cards-sync') });
  const identity = `SYNC-${Date.now().toString(36).toUpperCase()}`;
  await page.goto('/chargers/new');
  await page.getByLabel('Charger ID (OCPP identity)').fill(identity);
  await page.getByLabel('Name').fill('Carport');
  await page.getByRole('button', { name: 'Add charger' }).click();
  const url = await page.getByTestId('connection-url').inputValue();
  const password = await page.getByTestId('connection-password').inputValue();
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await expect(page.getByTestId('online-badge')).toHaveText('Offline');
  const chargerUrl = page.url();

  await page.goto('/cards/new');
  await page.getByLabel('Card ID').fill('SYNC0001');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/cards$/);
  const charger = page.getByTestId('sync-chargers').getByRole('listitem').filter({ hasText: 'Carport' });
  await expect(charger).toContainText('Not synced yet');

  simulator = spawn(
    process.execPath,
    ['--import', 'tsx', 'ocpp-server/simulator/cli.ts', '--identity', identity, '--url', url.slice(0, url.lastIndexOf('/')), '--password', password],
    { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  await expect(charger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await expect(charger.getByTestId('local-list-status')).toHaveAttribute('data-sync', 'inSync', { timeout: 60_000 });
  await expect(charger).toContainText('(full list)');

  await page.getByRole('button', { name: 'Sync to chargers' }).click();
  await expect(page.getByTestId('sync-result')).toHaveText(/^List version \d+: 1 of 1 charger accepted it\.$/);

  await page.getByRole('link', { name: 'Open card Unnamed card' }).click();
  await page.getByRole('button', { name: 'Block card' }).click();
  await expect(page.getByTestId('card-status')).toHaveText('Blocked');
  await page.getByRole('link', { name: 'All cards' }).click();
  await expect(charger).toContainText('(changes only)', { timeout: 60_000 });
  await expect(charger.getByTestId('local-list-status')).toHaveAttribute('data-sync', 'inSync');

  await page.goto(chargerUrl);
  await openAdvanced(page);
  await expect(page.getByRole('heading', { name: 'Local authorization list' })).toBeVisible();
  await expect(page.getByTestId('local-list-status')).toHaveAttribute('data-sync', 'inSync');
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.getByRole('heading', { name: 'Local authorization list' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/local-list-${viewport.width}.png` });
  }
});
