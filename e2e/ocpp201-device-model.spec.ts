import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, openAdvanced, uniqueEmail } from './helpers';
import { seriousViolations } from './axe';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

test('an owner reads a 2.0.1 charger\'s device model and changes its heartbeat interval, a wrong value refused next to the field; in German on a phone too', async ({ page }) => {
  await activateAndLogin(page, { name: 'Dora Device', email: uniqueEmail('device-model') });
  const connection = await addCharger(page, { name: 'Hall wallbox', identity: `DM201-${Date.now().toString(36).toUpperCase()}` });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  simulator = startSimulator({ ...connection, extra: ['--ocpp=2.0.1'] });
  await expect(page.getByTestId('boot-info')).toContainText('ocpp2.0.1', { timeout: 60_000 });

  await openAdvanced(page);
  await expect(page.getByText('No report yet. Refresh to ask the charger for one.')).toBeVisible();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const model = page.getByTestId('device-model');
  await expect(model.getByTestId('device-component').filter({ hasText: 'SampledDataCtrlr' })).toBeVisible({ timeout: 60_000 });
  await expect(model.getByTestId('device-component').filter({ hasText: 'EVSE' }).first()).toContainText('EVSE 1');

  await page.getByRole('searchbox', { name: 'Search' }).fill('heartbeat');
  await expect(model.getByTestId('device-variable')).toHaveCount(1);
  const heartbeat = model.locator('[data-testid="device-variable"][data-variable="HeartbeatInterval"]');
  await heartbeat.getByRole('button', { name: 'Change', exact: true }).click();
  const field = heartbeat.getByRole('textbox', { name: 'New value for HeartbeatInterval' });
  await field.fill('ten');
  await heartbeat.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(heartbeat.getByText('Enter a whole number.')).toBeVisible();
  expect(await seriousViolations(page, 'device model with a field error')).toEqual([]);

  await field.fill('120');
  await heartbeat.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(heartbeat.getByText('Accepted: the charger uses the new value.')).toBeVisible({ timeout: 30_000 });
  await expect(heartbeat.getByTestId('device-variable-value')).toHaveText('120 s');

  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('checkbox', { name: 'Changeable only' }).check();
  await expect(model.locator('[data-testid="device-variable"][data-variable="SecurityProfile"]')).toHaveCount(0);
  await expect(model.locator('[data-testid="device-variable"][data-variable="TxUpdatedInterval"]')).toHaveCount(1);

  // The same in German, on a 360 px phone: nothing wider than the screen, the error and the answer in German.
  await page.getByTestId('language-switcher').selectOption('de');
  await page.setViewportSize({ width: 360, height: 740 });
  await openAdvanced(page);
  await page.getByRole('searchbox', { name: 'Suchen' }).fill('TxUpdatedInterval');
  const interval = model.locator('[data-testid="device-variable"][data-variable="TxUpdatedInterval"]');
  await interval.getByRole('button', { name: 'Ändern', exact: true }).click();
  const intervalField = interval.getByRole('textbox', { name: 'Neuer Wert für TxUpdatedInterval' });
  await intervalField.fill('5000');
  await interval.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(interval.getByText('Geben Sie höchstens 3600 ein.')).toBeVisible();
  await intervalField.fill('15');
  await interval.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(interval.getByText('Übernommen: Die Ladestation verwendet den neuen Wert.')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
