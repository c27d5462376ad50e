import type { ChildProcess } from 'node:child_process';
import { devices, expect, test, type Browser } from '@playwright/test';
import { activateAndLogin, addCharger, inviteAndAccept, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

async function newPage(browser: Browser, device: (typeof devices)[string]) {
  return (await browser.newContext({ ...device, locale: 'en-GB' })).newPage();
}

// The same page and the same steps whichever OCPP version the charger speaks.
for (const version of ['1.6', '2.0.1'] as const) {
  const title =
    version === '1.6'
      ? "a member's reservation shows live on the owner's Charge page, and the owner cancels it"
      : "a member's reservation of an OCPP 2.0.1 charger shows live on the owner's Charge page, and the owner cancels it";
  test(title, async ({ browser }) => {
    const owner = await newPage(browser, devices['Desktop Chrome']);
    const member = await newPage(browser, devices['Pixel 7']);
    const memberEmail = uniqueEmail('reserver');
    await activateAndLogin(member, { name: 'Rita Reserver', email: memberEmail });
    await activateAndLogin(owner, { name: 'Paulius Owner', email: uniqueEmail('owner') });

    const connection = await addCharger(owner, { name: 'Yard charger', identity: `RSV-${Date.now().toString(36).toUpperCase()}` });
    simulator = startSimulator(version === '1.6' ? connection : { ...connection, extra: ['--ocpp=2.0.1'] });
    await inviteAndAccept(owner, member, { email: memberEmail, ownerName: 'Paulius Owner' });
    await owner.goto('/customers');
    await owner.getByTestId('member-row').filter({ hasText: memberEmail }).getByRole('link', { name: 'Add card' }).click();
    await owner.getByRole('radio', { name: /Virtual card/ }).check();
    await owner.getByLabel('Label').fill("Rita's phone");
    await owner.getByRole('button', { name: 'Add card' }).click();
    await expect(owner).toHaveURL(/\/cards$/);

    await owner.goto('/charge');
    const ownersCharger = owner.getByTestId('charge-card').filter({ hasText: 'Yard charger' });
    await expect(ownersCharger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
    await expect(ownersCharger.getByTestId('reservation')).toHaveCount(0);

    await member.goto('/charge');
    const membersCharger = member.getByTestId('charge-card').filter({ hasText: 'Yard charger' });
    await expect(membersCharger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
    const reserve = membersCharger.getByTestId('reserve');
    await reserve.getByText('Reserve a connector').click();
    await reserve.getByLabel('Hold it for').selectOption({ label: '1 hour' });
    await reserve.getByRole('button', { name: 'Reserve' }).click();
    await expect(reserve.getByText('Reserved: the connector is held for your card.')).toBeVisible({ timeout: 30_000 });
    await expect(membersCharger.getByTestId('reservation')).toContainText("For you, card Rita's phone, until");

    // The owner's page, opened before, follows without a reload.
    const reservation = ownersCharger.getByTestId('reservation');
    await expect(reservation).toContainText("For Rita Reserver, card Rita's phone, until", { timeout: 30_000 });
    await expect(ownersCharger.getByText('Reserved', { exact: true })).toBeVisible({ timeout: 30_000 });
    await reservation.getByRole('button', { name: 'Cancel reservation' }).click();
    await expect(ownersCharger.getByTestId('reservation')).toHaveCount(0, { timeout: 30_000 });
    await expect(ownersCharger.getByText('Reserved', { exact: true })).toHaveCount(0, { timeout: 30_000 });
    await expect(membersCharger.getByTestId('reservation')).toHaveCount(0, { timeout: 30_000 });
  });
}
