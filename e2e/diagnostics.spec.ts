import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, openAdvanced, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The same page and the same steps for a charger speaking OCPP 2.0.1.
for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner requests diagnostics, the charger uploads them, the page shows Uploaded live and the file downloads${onVersion}`, async ({ page }) => {
    await activateAndLogin(page, { name: 'Diana Diagnostics', email: uniqueEmail('diagnostics') });
    const identity = `DIAG-${Date.now().toString(36).toUpperCase()}`;
    const connection = await addCharger(page, { name: 'Garage wallbox', identity });
    await page.getByRole('link', { name: "Open the charger's page" }).click();
    await openAdvanced(page);

    const panel = page.getByTestId('diagnostics-panel');
    await expect(panel.getByText('The charger is offline, so it cannot send diagnostics.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Request diagnostics' })).toBeDisabled();

    simulator = startSimulator({ ...connection, extra: ['--diagnostics-upload=multipart', ...(version === '1.6' ? [] : ['--ocpp=2.0.1'])] });
    await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });

    await panel.getByLabel('From (optional)').fill('2026-12-01T10:00');
    await panel.getByLabel('Until (optional)').fill('2026-12-01T09:00');
    await panel.getByRole('button', { name: 'Request diagnostics' }).click();
    await expect(panel.getByText('The end must be later than the start.')).toBeVisible();
    await expect(panel.getByTestId('diagnostics-request')).toHaveCount(0);

    await panel.getByLabel('From (optional)').fill('');
    await panel.getByLabel('Until (optional)').fill('');
    await panel.getByRole('button', { name: 'Request diagnostics' }).click();
    await expect(panel.getByText(new RegExp(`The charger accepted and will upload ${identity}-diagnostics-.*\\.log\\.`))).toBeVisible();

    const request = panel.getByTestId('diagnostics-request');
    await expect(request).toHaveCount(1);
    await expect(request).toContainText('All logs');
    await expect(request.getByTestId('diagnostics-progress')).toHaveText('Uploaded');
    await expect(request).toContainText('Uploading at');
    const file = request.getByTestId('diagnostics-file');
    await expect(file).toContainText(`${identity}-diagnostics-`);
    await expect(file).toContainText(/\d+(\.\d)? (byte|kB|KB), received/);

    const download = page.waitForEvent('download');
    await file.getByRole('link', { name: 'Download' }).click();
    const saved = await (await download).path();
    const content = await readFile(saved, 'utf8');
    expect(content).toContain(`Chargewatch simulator ${identity} diagnostics`);
    // 2.0.1 has no GetDiagnostics: the same request reached the charger as a GetLog of its DiagnosticsLog.
    expect(content).toContain(version === '1.6' ? '"GetDiagnostics"' : '"GetLog"');
  });
}
