import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, openAdvanced, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

test('an owner adds a charger, sees it come online live, resets it and reads its configuration', async ({ page }) => {
  await activateAndLogin(page, { name: 'Charger Owner', email: uniqueEmail('chargers') });
  await expect(page).toHaveURL(/\/onboarding$/);

  const identity = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel('Charger ID (OCPP identity)').fill(identity);
  await page.getByLabel('Name').fill('Driveway wallbox');
  await page.getByRole('button', { name: 'Add charger' }).click();

  const url = await page.getByTestId('connection-url').inputValue();
  const password = await page.getByTestId('connection-password').inputValue();
  expect(url).toMatch(new RegExp(`^ws://localhost:\\d+/ocpp/${identity}$`));
  expect(password.length).toBeGreaterThanOrEqual(20);

  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await expect(page.getByTestId('online-badge')).toHaveText('Offline');
  // Day to day the page shows state and sessions; the commands and the rest wait under Advanced.
  await expect(page.getByRole('button', { name: 'Soft reset' })).toBeHidden();
  await openAdvanced(page);
  await expect(page.getByRole('button', { name: 'Soft reset' })).toBeDisabled();
  // Not connected yet: where to point the charger, again; then why the server turned it away, live.
  await expect(page.getByTestId('charger-connection-url')).toHaveValue(url);
  await expect(page.getByText('The charger has not tried to connect here yet.')).toBeVisible();
  simulator = startSimulator({ url, password: `${password}-typo` });
  const refusal = page.getByTestId('connection-refusal');
  await expect(refusal).toContainText('Wrong password', { timeout: 60_000 });
  await expect(refusal).toContainText(/from (127\.0\.0\.1|::1)\./);
  simulator.kill('SIGTERM');

  simulator = startSimulator({ url, password, extra: ['--security-event', 'StartupOfTheDevice', '--security-event', 'AcmeLidOpened'] });
  await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await expect(page.getByTestId('connector-1')).toContainText('Available');
  await expect(page.getByTestId('connection-refusal')).toHaveCount(0);
  await expect(page.getByTestId('boot-info')).toContainText('Simulator');
  // A type of the security whitepaper's list in words, another as the charger sent it.
  const securityEvents = page.getByTestId('security-events');
  await expect(securityEvents).toContainText('Charger started');
  await expect(securityEvents).toContainText('Critical');
  await expect(securityEvents).toContainText('AcmeLidOpened');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Soft reset' }).click();
  await expect(page.getByTestId('command-result')).toContainText('Reset: the charger accepted.');

  await page.getByRole('button', { name: 'Read configuration' }).click();
  const table = page.getByTestId('configuration-table');
  await expect(table).toContainText('HeartbeatInterval');
  await expect(table.getByRole('row')).not.toHaveCount(1);

  // A vendor's own request: refused next to the field without a vendor, then answered with the charger's data.
  const dataTransfer = page.getByTestId('data-transfer');
  await dataTransfer.getByLabel('Message ID (optional)').fill('Echo');
  await dataTransfer.getByLabel('Data (optional)').fill('{"ping":1}');
  await dataTransfer.getByRole('button', { name: 'Send to charger' }).click();
  await expect(dataTransfer.getByText('This field is required.')).toBeVisible();
  await dataTransfer.getByLabel('Vendor ID').fill('Chargewatch');
  await dataTransfer.getByRole('button', { name: 'Send to charger' }).click();
  await expect(dataTransfer.getByTestId('command-result')).toContainText('DataTransfer: the charger accepted.');
  await expect(dataTransfer.getByTestId('data-transfer-answer')).toHaveText('{"ping":1}');

  // A new password over the connection: the charger takes it and logs in again with it; nobody types it.
  const sendPassword = page.getByTestId('send-new-password');
  await sendPassword.getByRole('button', { name: 'Send a new password to the charger' }).click();
  await expect(sendPassword).toContainText('The charger took the new password.');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('online-badge')).toHaveText('Online');
    await openAdvanced(page);
    await expect(page.getByTestId('send-new-password')).toBeVisible();
    await expect(page.getByTestId('send-new-password')).not.toContainText('has not logged in with it yet');
  }).toPass({ timeout: 30_000 });

  await page.goto('/chargers');
  const card = page.getByTestId('charger-card').filter({ hasText: identity });
  await expect(card.getByTestId('online-badge')).toHaveText('Online');
  simulator?.kill('SIGTERM');
  await expect(card.getByTestId('online-badge')).toHaveText('Offline', { timeout: 60_000 });
});

test('an identity already registered is refused with a clear message and nothing is created', async ({ page }) => {
  await activateAndLogin(page, { name: 'First Owner', email: uniqueEmail('first') });
  const identity = `DUP-${Date.now().toString(36).toUpperCase()}`;
  await page.goto('/chargers/new');
  await page.getByLabel('Charger ID (OCPP identity)').fill(identity);
  await page.getByLabel('Name').fill('Mine');
  await page.getByRole('button', { name: 'Add charger' }).click();
  await expect(page.getByTestId('connection-details')).toBeVisible();

  await page.goto('/chargers/new');
  await page.getByLabel('Charger ID (OCPP identity)').fill(identity);
  await page.getByLabel('Name').fill('Second try');
  await page.getByRole('button', { name: 'Add charger' }).click();
  await expect(page.getByText('A charger with this ID is already registered')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Second try');

  await page.getByLabel('Charger ID (OCPP identity)').fill('bad/id with space');
  await page.getByRole('button', { name: 'Add charger' }).click();
  await expect(page.getByText('Use letters, digits and - _ . : only')).toBeVisible();

  await page.goto('/chargers');
  await expect(page.getByTestId('charger-card')).toHaveCount(1);
  // An old link to a page past the end lands on the last page, not on an empty list.
  await page.goto('/chargers?page=99');
  await expect(page).toHaveURL(/\/chargers$/);
  await expect(page.getByTestId('charger-card')).toHaveCount(1);
});
