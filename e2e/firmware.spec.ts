import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, openAdvanced, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The same page and the same steps for a charger speaking OCPP 2.0.1 (an UpdateFirmware with the update's requestId).
for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner uploads firmware, and the charger page shows its progress live up to Installed and the new version${onVersion}`, async ({ page }) => {
    await activateAndLogin(page, { name: 'Firmware Owner', email: uniqueEmail('firmware') });
    const identity = `FW-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
    const charger = await addCharger(page, { name: 'Garage wallbox', identity });
    await page.getByRole('link', { name: "Open the charger's page" }).click();
    simulator = startSimulator({ ...charger, extra: version === '1.6' ? [] : ['--ocpp=2.0.1'] });
    await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
    await openAdvanced(page);
    const panel = page.getByTestId('firmware-form');
    await expect(page.getByTestId('firmware-version')).toHaveText(`Installed version: ${version === '1.6' ? 'sim-1.0' : 'sim-2.0.1'}`);

    await panel.getByRole('button', { name: 'Update firmware' }).click();
    await expect(panel.getByText('Choose a firmware file or give its address.')).toBeVisible();
    await panel.getByLabel('Or the file’s address').fill('ftp://files.example/fw.bin');
    await panel.getByRole('button', { name: 'Update firmware' }).click();
    await expect(panel.getByText('Enter an address starting with http:// or https://.')).toBeVisible();
    await panel.getByLabel('Or the file’s address').fill('');

    await panel.getByLabel('Firmware file').setInputFiles({ name: 'wallbox-3.2.0.bin', mimeType: 'application/octet-stream', buffer: randomBytes(200_000) });
    await panel.getByRole('button', { name: 'Update firmware' }).click();
    await expect(panel.getByText('The charger accepted the update. Its progress shows below.')).toBeVisible({ timeout: 30_000 });

    const update = page.getByTestId('firmware-update').first();
    await expect(update).toContainText('wallbox-3.2.0.bin');
    await expect(update.getByTestId('firmware-statuses').getByRole('listitem')).toHaveText([/^Downloading/, /^Downloaded/, /^Installing/, /^Installed/], { timeout: 60_000 });
    await expect(page.getByTestId('firmware-version')).toHaveText('Installed version: 3.2.0', { timeout: 60_000 });
    await expect(page.getByTestId('boot-info')).toContainText('3.2.0');

    await page.getByTestId('language-switcher').selectOption('de');
    await openAdvanced(page);
    await expect(page.getByTestId('firmware-version')).toHaveText('Installierte Version: 3.2.0');
    await expect(update.getByTestId('firmware-statuses')).toContainText('Installiert');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('firmware-form').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/firmware-390${version === '1.6' ? '' : '-201'}.png`, fullPage: false });
  });
}
