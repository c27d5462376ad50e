import type { ChildProcess } from 'node:child_process';
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { activateAndLogin, addCharger, addPhysicalCard, giveVirtualCard, inviteAndAccept, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0]) {
  return (await browser.newContext({ ...options, locale: 'en-GB' })).newPage();
}

const connector = (page: Page, id: number) => page.locator(`[data-testid="connector-why"][data-connector="${id}"]`);

async function openCard(page: Page, label: string) {
  await page.goto('/cards');
  await page.getByRole('link', { name: `Open card ${label}` }).click();
}

// The member's start from the Charge page, on connector 1 with their virtual card.
async function startFromApp(member: Page) {
  await member.goto('/charge');
  const card = member.getByTestId('charge-card').filter({ hasText: 'Driveway' });
  await expect(card.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });
  const form = card.getByTestId('start-form');
  await form.getByLabel('Connector').selectOption('1');
  await form.getByRole('button', { name: 'Start charging' }).click();
  return card;
}

test('each reason a connector does not charge is shown live with what to do, to the owner and to a member on a phone', async ({ browser }) => {
  test.slow();
  const owner = await newPage(browser, devices['Desktop Chrome']);
  const member = await newPage(browser, PHONE);
  const ownerEmail = uniqueEmail('why-owner');
  const memberEmail = uniqueEmail('why-member');
  await activateAndLogin(member, { name: 'Rita Reserver', email: memberEmail });
  await activateAndLogin(owner, { name: 'Olga Owner', email: ownerEmail });
  const connection = await addCharger(owner, { name: 'Driveway', identity: `WHY-${Date.now().toString(36).toUpperCase()}` });

  await addPhysicalCard(owner, { idTag: 'BLOCKED01', label: 'Old fob' });
  await openCard(owner, 'Old fob');
  await owner.getByRole('button', { name: 'Block card' }).click();
  await expect(owner.getByTestId('card-status')).toHaveText('Blocked');
  await addPhysicalCard(owner, { idTag: 'EXPIRED01', label: 'Guest fob' });
  await openCard(owner, 'Guest fob');
  await owner.getByLabel('Valid until').fill('2020-01-31');
  await owner.getByRole('button', { name: 'Save changes' }).click();
  await expect(owner.getByTestId('card-status')).toHaveText('Expired');
  await inviteAndAccept(owner, member, { email: memberEmail, ownerName: 'Olga Owner' });
  await giveVirtualCard(owner, { email: memberEmail, label: "Rita's phone" });
  const virtualTag = await owner.getByTestId('card-row').filter({ hasText: "Rita's phone" }).getAttribute('data-id-tag');

  // Reached from the charger page, and open before anything happens: what follows arrives without a reload.
  await owner.goto('/chargers');
  await owner.getByRole('link', { name: /Driveway/ }).first().click();
  await owner.getByRole('link', { name: "Why isn't it charging?" }).click();
  await expect(owner.getByRole('heading', { name: "Why isn't it charging?" })).toBeVisible();
  await expect(connector(owner, 1).getByTestId('why-now')).toHaveText(/The charger has never connected to Chargewatch\./);

  simulator = startSimulator({
    ...connection,
    extra: ['--present-card=STRANGER01', '--present-card=BLOCKED01', '--present-card=EXPIRED01', `--present-card=${virtualTag}`, '--connector-status=1:SuspendedEV', '--connector-status=2:Faulted:GroundFailure'],
  });
  const one = connector(owner, 1);
  await expect(one.getByTestId('why-now')).toContainText('The car is plugged in but is not taking power (SuspendedEV).', { timeout: 60_000 });
  await expect(one.getByTestId('why-now')).toContainText('What to do: Check the car: a charging timer or departure time');
  const timeline = one.getByTestId('why-timeline');
  await expect(timeline).toContainText('Card STRANGER01 was refused: this account does not know it.');
  await expect(timeline).toContainText('If the card is yours, add it on the Cards page');
  await expect(timeline).toContainText('Card BLOCKED01 was refused: it is blocked.');
  await expect(timeline).toContainText('Unblock it on the Cards page, or use another card.');
  await expect(timeline).toContainText('Card EXPIRED01 was refused: it has expired.');
  await expect(timeline).toContainText(`Card ${virtualTag} was refused at the reader: it is a virtual card, which starts charging only from the app.`);
  await expect(timeline).toContainText('Start from the Charge page with this card, or use a physical card at the reader.');
  await expect(timeline.getByTestId('why-entry').filter({ hasText: 'STRANGER01' })).toContainText('at the charger');
  const two = connector(owner, 2);
  await expect(two.getByTestId('why-now')).toContainText('Out of order: an earth fault (the safety switch tripped).');
  await expect(two.getByTestId('why-now')).toContainText('Unplug and plug in again.');

  // A charger that refuses remote starts; the member reads why on a phone, reached from the Charge page.
  simulator.kill('SIGTERM');
  simulator = startSimulator({ ...connection, extra: ['--reject-remote-starts'] });
  const memberCard = await startFromApp(member);
  await expect(memberCard.getByText('The charger refused to start.', { exact: false })).toBeVisible({ timeout: 60_000 });
  await memberCard.getByRole('link', { name: "Why isn't it charging?" }).click();
  const membersOne = connector(member, 1).getByTestId('why-now');
  await expect(membersOne).toContainText('The charger refused the start from the app.');
  await expect(membersOne).toContainText('Check that the cable is plugged in at both ends and the connector is free, then try again.');
  expect(await member.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The member holds connector 2; the owner's page names them.
  await member.goto('/charge');
  const reserve = memberCard.getByTestId('reserve');
  await reserve.getByText('Reserve a connector').click();
  await reserve.getByLabel('Connector').selectOption('2');
  await reserve.getByLabel('Hold it for').selectOption({ label: '1 hour' });
  await reserve.getByRole('button', { name: 'Reserve' }).click();
  await expect(reserve.getByText('Reserved: the connector is held for your card.')).toBeVisible({ timeout: 30_000 });
  await expect(two.getByTestId('why-now')).toContainText('Reserved for Rita Reserver until', { timeout: 30_000 });
  await expect(two.getByTestId('why-now')).toContainText('Wait until then, or use another connector.');

  // A charger that never answers a remote start: the command times out (OCPP_CALL_TIMEOUT) and the page says so.
  simulator.kill('SIGTERM');
  simulator = startSimulator({ ...connection, extra: ['--ignore=RemoteStartTransaction'] });
  await startFromApp(member);
  await expect(one.getByTestId('why-now')).toContainText('The charger did not answer the start from the app.', { timeout: 120_000 });
  await expect(one.getByTestId('why-now')).toContainText('wait a minute and try again');

  simulator.kill('SIGTERM');
  await expect(one.getByTestId('why-now')).toContainText('The charger has been offline since', { timeout: 60_000 });
  await expect(one.getByTestId('why-now')).toContainText('Check that the charger has power and internet');
  await expect(one.getByTestId('why-timeline')).toContainText('The charger went offline.');
});
