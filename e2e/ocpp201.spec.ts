import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, shownKwh, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

test('an owner adds an OCPP 2.0.1 charger like a 1.6 one, and starts and stops a session on it from the app', async ({ page }) => {
  const email = uniqueEmail('ocpp201');
  await activateAndLogin(page, { name: 'Vida Version', email });
  const connection = await addCharger(page, { name: 'Garage wallbox', identity: `V201-${Date.now().toString(36).toUpperCase()}` });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  const chargerUrl = page.url();
  simulator = startSimulator({ ...connection, extra: ['--ocpp=2.0.1', '--meter-interval=1000', '--power=180000'] });
  await giveVirtualCard(page, { email, label: 'My phone' });

  await page.goto('/charge');
  const card = page.getByTestId('charge-card').filter({ hasText: 'Garage wallbox' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await card.getByRole('button', { name: 'Start charging on connector 1' }).click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  const energy = card.getByTestId('session-energy');
  await expect.poll(() => shownKwh(energy), { timeout: 60_000 }).toBeGreaterThan(0.1);

  await card.getByRole('button', { name: 'Stop charging' }).click();
  const finished = card.getByTestId('finished-session');
  await expect(finished).toBeVisible({ timeout: 60_000 });
  expect(await shownKwh(finished.getByTestId('session-energy'))).toBeGreaterThan(0.1);

  await page.goto(chargerUrl);
  await expect(page.getByTestId('boot-info')).toContainText('ocpp2.0.1');
  await expect(page.getByTestId('boot-info')).toContainText('Simulator 2.0.1');
});
