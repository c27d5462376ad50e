import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { SIGNER_CERTIFICATE_PEM, signFirmware } from '../tests/support/firmware-signer';
import { activateAndLogin, addCharger, openAdvanced, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The page turns Online live; on a loaded machine the charger may connect before the page listens, so it reloads.
async function waitOnline(page: Page) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
}

test('an owner gets the security log uploaded and downloads it, then installs a signed firmware update', async ({ page }) => {
  await activateAndLogin(page, { name: 'Sofia Secure', email: uniqueEmail('seclog') });
  const identity = `SEC-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
  const connection = await addCharger(page, { name: 'Depot charger', identity });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  simulator = startSimulator({ ...connection, extra: ['--security-event=SettingSystemTime'] });
  await waitOnline(page);
  await openAdvanced(page);

  const diagnostics = page.getByTestId('diagnostics-panel');
  await diagnostics.getByLabel('What to ask for').selectOption('SecurityLog');
  await diagnostics.getByRole('button', { name: 'Request diagnostics' }).click();
  await expect(diagnostics.getByText(new RegExp(`The charger accepted and will upload ${identity}-security-.*\\.log\\.`))).toBeVisible({ timeout: 30_000 });
  const request = diagnostics.getByTestId('diagnostics-request');
  await expect(request.getByTestId('diagnostics-kind')).toHaveText('Security log');
  await expect(request.getByTestId('diagnostics-progress')).toHaveText('Uploaded', { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await request.getByTestId('diagnostics-file').getByRole('link', { name: 'Download' }).click();
  const content = await readFile(await (await download).path(), 'utf8');
  expect(content).toContain(`Chargewatch simulator ${identity} security log`);
  expect(content).toContain('SettingSystemTime');

  const firmware = page.getByTestId('firmware-form');
  const bytes = randomBytes(100_000);
  await firmware.getByLabel('Firmware file').setInputFiles({ name: 'depot-4.1.0.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await firmware.getByLabel('Signing certificate (PEM)').fill(SIGNER_CERTIFICATE_PEM);
  await firmware.getByLabel('Signature (base64)').fill(signFirmware(randomBytes(100)));
  await firmware.getByRole('button', { name: 'Update firmware' }).click();
  await expect(firmware.getByText('This signature does not match the file with this certificate’s key.', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('firmware-update')).toHaveCount(0);

  // React empties the file input after the action; the certificate comes back as typed.
  await firmware.getByLabel('Firmware file').setInputFiles({ name: 'depot-4.1.0.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(firmware.getByLabel('Signing certificate (PEM)')).toHaveValue(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/);
  await firmware.getByLabel('Signature (base64)').fill(signFirmware(bytes));
  await firmware.getByRole('button', { name: 'Update firmware' }).click();
  await expect(firmware.getByText('The charger accepted the update. Its progress shows below.')).toBeVisible({ timeout: 30_000 });

  const update = page.getByTestId('firmware-update').first();
  await expect(update.getByTestId('firmware-signed')).toHaveText('Signed');
  await expect(update.getByTestId('firmware-statuses').getByRole('listitem')).toHaveText([/^Downloading/, /^Downloaded/, /^Signature verified/, /^Installing/, /^Installed/], { timeout: 60_000 });
  await expect(page.getByTestId('firmware-version')).toHaveText('Installed version: 4.1.0', { timeout: 60_000 });
});

test('a charger without the security extension is offered the plain messages only, and the page says so', async ({ page }) => {
  await activateAndLogin(page, { name: 'Paul Plain', email: uniqueEmail('plain') });
  const identity = `PLAIN-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
  const connection = await addCharger(page, { name: 'Old wallbox', identity });
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  await page.waitForURL(/\/chargers\/[0-9a-f-]{36}$/);
  simulator = startSimulator({ ...connection, extra: ['--without-security-extension'] });
  await waitOnline(page);
  // Its configuration, read once it has booted, has no SecurityProfile key.
  await expect(async () => {
    await page.reload();
    await openAdvanced(page);
    await expect(page.getByTestId('diagnostics-plain-only')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('diagnostics-panel').getByLabel('What to ask for')).toHaveCount(0);
  await expect(page.getByTestId('firmware-plain-only')).toContainText('does not support the OCPP 1.6 security extensions');
  await expect(page.getByTestId('firmware-form').getByLabel('Signing certificate (PEM)')).toHaveCount(0);
  await expect(page.getByTestId('extended-trigger-unsupported')).toBeVisible();
});
