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

  // Behind a circuit no "ready by" is offered on the Charge page, when starting or for the running session.
  const card = await onlineChargeCard(page);
  await expect(card.getByTestId('start-form').getByText('Ready by', { exact: true })).toHaveCount(0);
  await card.getByRole('button', { name: 'Start charging' }).click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  await expect(card.getByTestId('ready-by')).toHaveCount(0);

  await page.goto(circuitUrl);
  await expect(page.getByTestId('circuit-session')).toHaveAttribute('data-current', '16', { timeout: 30_000 });
  await expect(page.getByTestId('circuit-session')).toContainText('16 A');
  await expect(page.getByTestId('circuit-log')).toContainText('Session on Garage wallbox started');
  // The simulated charger has two connectors: a safe share is the fuse over both.
  await expect(page.getByTestId('circuit-log')).toContainText('Garage wallbox: safe share 8 A');

  await page.goto(`/chargers/${owner.chargerId}`);
  await expect(page.getByTestId('charger-circuit')).toHaveText('Behind the circuit Garage fuse (16 A): the circuit shares its fuse among its sessions.');
  // The circuit's share keeps the fuse: its running session is offered no "ready by" plan, which would be refused.
  await expect(page.getByTestId('active-session')).toBeVisible();
  await expect(page.getByTestId('ready-by')).toHaveCount(0);
});

test('an owner puts the circuit at the grid connection and sees its share follow the home meter feed', async ({ page, request }) => {
  test.slow();
  owner = await ownerWithOnlineCharger(page, { name: 'Fenna Feed', tag: 'cfeed' });
  await onlineChargeCard(page);

  await page.goto('/chargers/meter-feed');
  await page.getByLabel('Name').fill('Meter script');
  await page.getByRole('button', { name: 'Make a token' }).click();
  const token = await page.getByTestId('new-feed-token').inputValue();
  const endpoint = await page.getByTestId('feed-endpoint').inputValue();
  const post = async (powerW: number) => {
    // The feed takes one request a second.
    await expect(async () => expect((await request.post(endpoint, { data: { powerW }, headers: { authorization: `Bearer ${token}` } })).status()).toBe(202)).toPass({ timeout: 10_000 });
  };

  await createdCircuit(page);
  const circuitUrl = page.url();
  const settings = page.getByTestId('circuit-form');
  await settings.getByLabel('Solar charging').selectOption('surplus');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Solar charging reads the surplus from the meter feed: tick "This circuit is at the grid connection" too.')).toBeVisible();
  await settings.getByLabel('This circuit is at the grid connection').check();
  await settings.getByLabel('Solar charging').selectOption('off');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Saved. The chargers get their new shares now.')).toBeVisible();

  const card = await onlineChargeCard(page);
  await card.getByRole('button', { name: 'Start charging' }).click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });

  // No reading yet: the session keeps to its safe share, the fuse over both connectors.
  await page.goto(circuitUrl);
  const session = page.getByTestId('circuit-session');
  const afterReload = async (check: () => Promise<void>) =>
    expect(async () => {
      await page.reload();
      await check();
    }).toPass({ timeout: 30_000 });
  await afterReload(() => expect(session).toHaveAttribute('data-current', '8', { timeout: 1_000 }));
  await expect(page.getByTestId('circuit-feed-silent')).toContainText('each session keeps to its safe share of 8 A');

  // The house exports: the chargers may use the whole fuse.
  await post(-5000);
  await afterReload(() => expect(session).toHaveAttribute('data-current', '16', { timeout: 1_000 }));
  await expect(page.getByTestId('circuit-budget')).toHaveText('The chargers may share 16 A a phase of the 16 A fuse now.');
  await expect(page.getByTestId('circuit-other-load')).toContainText('the house sends');
  await expect(page.getByTestId('circuit-log')).toContainText('Meter feed back');

  // The house draws 20 kW: more than the fuse carries, so the session waits.
  await post(20_000);
  await afterReload(() => expect(session).toHaveAttribute('data-current', '0', { timeout: 1_000 }));
  await expect(session).toContainText('Waiting in line');
  await expect(page.getByTestId('circuit-other-load')).toContainText('the house draws');
  await expect(page.getByTestId('circuit-log')).toContainText('Grid import above limit');
});
