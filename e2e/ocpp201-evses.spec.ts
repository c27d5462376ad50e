import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// A 2.0.1 station whose EVSE 1 has a socket and a tethered cable, the car plugged into the cable (connector 2).
test('an owner sees both connectors of a 2.0.1 EVSE by EVSE and number, and charges on the second one from the app', async ({ page }) => {
  const email = uniqueEmail('evses');
  await activateAndLogin(page, { name: 'Evi Evse', email });
  const connection = await addCharger(page, { name: 'Twin wallbox', identity: `EVSE-${Date.now().toString(36).toUpperCase()}` });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  const chargerUrl = page.url();
  simulator = startSimulator({ ...connection, extra: ['--ocpp=2.0.1', '--meter-interval=1000', '--two-connector-evse=1', '--plug-connector=2'] });
  await giveVirtualCard(page, { email, label: 'My phone' });

  await page.goto(chargerUrl);
  await expect(page.getByTestId('connector-2')).toContainText('EVSE 1 · connector 2', { timeout: 60_000 });
  await expect(page.getByTestId('connector-1')).toContainText('EVSE 1 · connector 1');
  // EVSE 2 has one connector: it keeps its plain name.
  await expect(page.getByTestId('connector-3')).toContainText('Connector 3');

  await page.goto('/charge');
  const card = page.getByTestId('charge-card').filter({ hasText: 'Twin wallbox' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await card.getByRole('combobox', { name: 'Connector' }).selectOption({ label: 'EVSE 1 · connector 2' });
  await card.getByRole('button', { name: 'Start charging on EVSE 1, connector 2' }).click();
  await expect(card.getByTestId('running-session')).toContainText('Charging on EVSE 1, connector 2', { timeout: 60_000 });
  await expect(card.getByTestId('connector-2')).toContainText('Charging', { timeout: 60_000 });
  await expect(card.getByTestId('connector-1')).toContainText('Available');
});
