import { expect, test } from '@playwright/test';
import { onlineChargeCard, ownerWithOnlineCharger, type OnlineOwner } from './owner-setup';
import { createdCircuit } from './walk';

test.use({ locale: 'en-GB', timezoneId: 'UTC', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let owner: OnlineOwner | undefined;
test.afterEach(() => {
  owner?.simulator.kill('SIGTERM');
});

test('an owner puts a charger behind a 16 A fuse and sees its session get the whole fuse, live, with the reason logged', async ({ page }) => {
  test.slow();
  owner = await ownerWithOnlineCharger(page, { name: 'Cora Circuit', tag: 'circ' });
  await onlineChargeCard(page);
  await createdCircuit(page);
  const circuitUrl = page.url();

  // Refused next to its field, nothing stored lost.
  const settings = page.getByTestId('circuit-form');
  await settings.getByLabel('Fuse capacity (A per phase)').fill('0');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText("Enter the fuse's capacity as a whole number of amperes from 1 to 1000, like 32.")).toBeVisible();
  await page.reload();
  await expect(page.getByText('Fuse: 16 A per phase · at least 6 A per charging session')).toBeVisible();

  const card = await onlineChargeCard(page);
  await card.getByRole('button', { name: 'Start charging' }).click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });

  await page.goto(circuitUrl);
  await expect(page.getByTestId('circuit-session')).toHaveAttribute('data-current', '16', { timeout: 30_000 });
  await expect(page.getByTestId('circuit-session')).toContainText('16 A');
  await expect(page.getByTestId('circuit-log')).toContainText('Session on Garage wallbox started');
  // The simulated charger has two connectors: a safe share is the fuse over both.
  await expect(page.getByTestId('circuit-log')).toContainText('Garage wallbox: safe share 8 A');

  await page.goto(`/chargers/${owner.chargerId}`);
  await expect(page.getByTestId('charger-circuit')).toHaveText('Behind the circuit Garage fuse (16 A): the circuit shares its fuse among its sessions.');
});
