import type { ChildProcess } from 'node:child_process';
import { devices, expect, test, type Browser } from '@playwright/test';
import { activateAndLogin, addCharger, giveVirtualCard, inviteAndAccept, shownKwh, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ ...devices['Pixel 7'], locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

async function newPhone(browser: Browser) {
  return (await browser.newContext({ ...devices['Pixel 7'], locale: 'en-GB' })).newPage();
}

test('an invited member charges from the Charge page on a phone and follows it live', async ({ browser }) => {
  const owner = await newPhone(browser);
  const member = await newPhone(browser);
  const cardless = await newPhone(browser);
  const memberEmail = uniqueEmail('driver');
  const cardlessEmail = uniqueEmail('cardless');
  await activateAndLogin(member, { name: 'Daiva Driver', email: memberEmail });
  await activateAndLogin(cardless, { name: 'Cardless Carl', email: cardlessEmail });
  await activateAndLogin(owner, { name: 'Petras Owner', email: uniqueEmail('owner') });

  await owner.goto('/sessions/tariff');
  const tariff = owner.getByTestId('tariff-account');
  await tariff.getByLabel('Price per kWh', { exact: true }).fill('0.25');
  await tariff.getByLabel('Currency').selectOption('EUR');
  await tariff.getByRole('button', { name: 'Save' }).click();
  await expect(tariff.getByText(/^Saved\./)).toBeVisible();

  const connection = await addCharger(owner, { name: 'Home wallbox', identity: `CHG-${Date.now().toString(36).toUpperCase()}` });
  simulator = startSimulator({ ...connection, extra: ['--meter-interval', '1000', '--power', '180000'] });

  await inviteAndAccept(owner, member, { email: memberEmail, ownerName: 'Petras Owner' });
  await inviteAndAccept(owner, cardless, { email: cardlessEmail, ownerName: 'Petras Owner' });
  await giveVirtualCard(owner, { email: memberEmail, label: "Daiva's phone" });

  await cardless.goto('/charge');
  await expect(cardless.getByTestId('no-card')).toContainText('Add a card first');

  await member.goto('/charge');
  const charger = member.getByTestId('charge-card').filter({ hasText: 'Home wallbox' });
  await expect(charger.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  await charger.getByRole('button', { name: 'Start charging on connector 1' }).dblclick();
  await expect(charger.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  await expect(charger.getByTestId('running-session')).toHaveCount(1);
  // Charging began: the start's banner is gone, and the other connector's start says which one it is.
  await expect(charger.getByText(/^The charger accepted\./)).toHaveCount(0);
  await expect(charger.getByRole('button', { name: 'Start charging on connector 2' })).toBeVisible();
  await expect(charger.getByRole('button', { name: 'Stop charging on connector 1' })).toBeVisible();

  const energy = member.getByTestId('session-energy');
  await expect.poll(() => shownKwh(energy), { timeout: 60_000 }).toBeGreaterThan(0.1);
  const first = await shownKwh(energy);
  await expect.poll(() => shownKwh(energy), { timeout: 60_000 }).toBeGreaterThan(first);
  await expect(charger.getByTestId('session-power')).toHaveText('180 kW');
  await expect(charger.getByTestId('session-cost')).toContainText('€');

  await charger.getByRole('button', { name: 'Stop charging' }).click();
  const finished = charger.getByTestId('finished-session');
  await expect(finished).toBeVisible({ timeout: 60_000 });
  const finalKwh = await shownKwh(finished.getByTestId('session-energy'));
  expect(finalKwh).toBeGreaterThan(first);

  const finalCost = Number((await finished.getByTestId('session-cost').innerText()).replace(/[^\d.]/g, ''));
  expect(finalCost).toBeCloseTo(finalKwh * 0.25, 1);
  // One summary of the last session, until the driver hides it (also after a reload).
  await expect(charger.getByTestId('finished-session')).toHaveCount(1);
  await charger.getByRole('button', { name: 'Dismiss the summary of the session on connector 1' }).click();
  await expect(finished).toHaveCount(0);
  await member.reload();
  await expect(charger.getByTestId('online-badge')).toHaveText('Online');
  await expect(finished).toHaveCount(0);

  await member.goto('/sessions');
  const history = member.getByTestId('session-cards').getByRole('link').first();
  await expect(history).toContainText('Home wallbox');
  await expect(history).toContainText('kWh');
  await expect(history).toContainText('€');

  await member.goto('/charge');
  simulator.kill('SIGTERM');
  await expect(charger.getByTestId('online-badge')).toHaveText('Offline', { timeout: 60_000 });
  await expect(charger).toContainText('Offline: the charger cannot start charging right now.');
});
