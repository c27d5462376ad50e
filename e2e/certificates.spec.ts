import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, openAdvanced, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const certificate = (name: string) => readFileSync(`tests/fixtures/certificates/${name}`, 'utf8');

// The same steps for a charger speaking OCPP 2.0.1 (its roots named as 2.0.1 names them, ocpp-server/README.md).
for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner installs a root certificate on the charger, sees it listed by its serial number and removes it${onVersion}`, async ({ page }) => {
    await activateAndLogin(page, { name: 'Certificate Owner', email: uniqueEmail('certificates') });
    const { url, password } = await addCharger(page, { name: 'Depot charger', identity: `CERT-${version === '1.6' ? '16' : '201'}-${Date.now().toString(36).toUpperCase()}` });
    const simulator = startSimulator({ url, password, extra: version === '1.6' ? [] : ['--ocpp=2.0.1'] });
    try {
      await page.getByRole('link', { name: "Open the charger's page" }).click();
      await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
      await openAdvanced(page);
      const panel = page.getByTestId('charger-certificates');
      const install = panel.getByTestId('install-certificate');
      await install.getByLabel('Kind').selectOption({ label: 'Manufacturer root (checks firmware)' });

      // A certificate that is not a root is refused next to the field, before the charger is asked.
      await install.getByLabel('Certificate (PEM)').fill(certificate('leaf.pem'));
      await install.getByRole('button', { name: 'Install on the charger' }).click();
      await expect(install.getByText('This is not a root certificate')).toBeVisible();

      await install.getByLabel('Certificate (PEM)').fill(certificate('root.pem'));
      await install.getByRole('button', { name: 'Install on the charger' }).click();
      await expect(install.getByTestId('command-result')).toContainText('InstallCertificate: the charger accepted.');

      const list = panel.getByRole('button', { name: 'Show installed certificates' });
      await panel.getByLabel('Kind').first().selectOption({ label: 'Manufacturer root (checks firmware)' });
      await list.click();
      const installed = panel.getByTestId('installed-certificate');
      await expect(installed).toHaveCount(1);
      await expect(installed).toContainText('Serial number 5012ede507886dd8aac715b547ee6794bd94fec7');

      await installed.getByRole('button', { name: 'Remove from the charger' }).click();
      await expect(installed.getByTestId('command-result')).toContainText('DeleteCertificate: the charger accepted.');
      await list.click();
      await expect(panel.getByText('The charger has no certificate of this kind.')).toBeVisible();
    } finally {
      simulator.kill('SIGTERM');
    }
  });
}

for (const version of ['1.6', '2.0.1'] as const) {
  const onVersion = version === '1.6' ? '' : ' (OCPP 2.0.1)';
  test(`an owner renews the charger’s certificate, sees it signed by the platform, and is told profile 2 needs a wss:// platform${onVersion}`, async ({ page }) => {
    await activateAndLogin(page, { name: 'Profile Owner', email: uniqueEmail('profiles') });
    const { url, password } = await addCharger(page, { name: 'Yard charger', identity: `PROF-${version === '1.6' ? '16' : '201'}-${Date.now().toString(36).toUpperCase()}` });
    const simulator = startSimulator({ url, password, extra: version === '1.6' ? [] : ['--ocpp=2.0.1'] });
    try {
      await page.getByRole('link', { name: "Open the charger's page" }).click();
      await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
      await openAdvanced(page);
      const security = page.getByTestId('charger-security');
      await expect(security.getByTestId('charger-certificate-state')).toContainText('The platform has not signed a certificate for this charger yet.');

      const renew = security.getByTestId('renew-certificate');
      await renew.getByRole('button', { name: "Renew the charger's certificate" }).click();
      await expect(renew.getByTestId('command-result')).toContainText('the charger accepted');
      await expect(security.getByTestId('charger-certificate-state')).toContainText('signed by the platform on', { timeout: 30_000 });

      // This platform gives chargers a ws:// address: a profile 2 charger could never connect, so it is refused before
      // the charger is asked, and the charger stays connected.
      await security.getByLabel('Profile').selectOption({ label: '2: password over TLS only (wss://)' });
      await security.getByRole('button', { name: 'Save profile' }).click();
      await expect(security.getByText('Profiles 2 and 3 need an encrypted connection (wss://)')).toBeVisible();
      await expect(security.getByLabel('Profile')).toHaveAccessibleDescription(/need an encrypted connection/);
      await expect(page.getByTestId('online-badge')).toHaveText('Online');
    } finally {
      simulator.kill('SIGTERM');
    }
  });
}
