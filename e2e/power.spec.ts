import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', timezoneId: 'UTC', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The simulated charger samples every second and draws 11 kW unless a charging profile allows less.
async function ownerCharging(page: Page, extra: string[] = []) {
  const email = uniqueEmail('power');
  await activateAndLogin(page, { name: 'Paula Power', email });
  const connection = await addCharger(page, { name: 'Garage wallbox', identity: `PWR-${Date.now().toString(36).toUpperCase()}` });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  const chargerUrl = page.url();
  simulator = startSimulator({ ...connection, extra: ['--meter-interval=1000', '--power=11000', ...extra] });
  await giveVirtualCard(page, { email, label: 'My phone' });
  await page.goto('/charge');
  const card = page.getByTestId('charge-card').filter({ hasText: 'Garage wallbox' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  const form = card.getByTestId('start-form');
  await form.getByLabel('Connector').selectOption('1');
  await form.getByRole('button', { name: 'Start charging' }).click();
  await page.goto(chargerUrl);
  return { chargerUrl };
}

const hourFromNow = (hours: number) => `${String(new Date(Date.now() + hours * 3_600_000).getUTCHours()).padStart(2, '0')}:00`;

// The same page and the same steps for a charger speaking OCPP 2.0.1.
for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner limits the charger to 7 kW and its live power follows; windows closed now hold it, and the why page says so${onVersion}`, async ({ page }) => {
    test.slow();
    const { chargerUrl } = await ownerCharging(page, version === '1.6' ? [] : ['--ocpp=2.0.1']);
    const connector = page.getByTestId('connector-1');
    await expect(connector).toContainText('11 kW', { timeout: 60_000 });

    const power = page.getByTestId('power-form');
    await power.getByLabel('Maximum power (kW)').fill('7');
    await power.getByRole('button', { name: 'Save and send to the charger' }).click();
    await expect(page.getByTestId('power-outcome')).toHaveText('The charger accepted these settings.');
    await expect(page.getByTestId('power-reported')).toContainText('up to 7 kW');
    await expect(connector).toContainText('7 kW');
    await expect(connector).not.toContainText('11 kW');

    // A bad value is refused next to its field, and what the charger holds stays.
    await power.getByLabel('Maximum power (kW)').fill('200');
    await power.getByRole('button', { name: 'Save and send to the charger' }).click();
    await expect(power.getByText('Enter a power from 1.4 to 43 kW, like 7.4, or leave it blank.')).toBeVisible();

    await power.getByLabel('Maximum power (kW)').fill('7');
    const window = power.getByRole('group', { name: 'Window 1' });
    await window.getByLabel('From').fill(hourFromNow(2));
    await window.getByLabel('To').fill(hourFromNow(3));
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) await window.getByLabel(day).check();
    await power.getByRole('button', { name: 'Save and send to the charger' }).click();
    await expect(page.getByTestId('power-reported')).toContainText('no charging');

    await page.goto(`${chargerUrl}/why`);
    const why = page.locator('[data-testid="connector-why"][data-connector="1"]').getByTestId('why-now');
    await expect(why).toContainText('Held by the charging windows: this charger gives no power outside them.', { timeout: 30_000 });
    await expect(why).toContainText('An account owner can change the windows under Power on the charger page.');
  });
}
