import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

const simulators: ChildProcess[] = [];
test.afterEach(() => {
  for (const simulator of simulators.splice(0)) simulator.kill('SIGTERM');
});

test('the owner is told which charger cannot hold the card list and which has none', async ({ page }) => {
  await activateAndLogin(page, { name: 'List Owner', email: uniqueEmail('local-list') });
  for (const idTag of ['LIST0001', 'LIST0002']) {
    await page.goto('/cards/new');
    await page.getByLabel('Card ID').fill(idTag);
    await page.getByRole('button', { name: 'Add card' }).click();
    await expect(page).toHaveURL(/\/cards$/);
  }
  const suffix = `${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
  const small = await addCharger(page, { name: 'Small list', identity: `SMALL-${suffix}` });
  simulators.push(startSimulator({ ...small, extra: ['--local-list-max=1'] }));
  const none = await addCharger(page, { name: 'No list', identity: `NOLIST-${suffix}` });
  simulators.push(startSimulator({ ...none, extra: ['--no-local-list'] }));

  const row = (name: string) => page.getByTestId('sync-chargers').getByRole('listitem').filter({ hasText: name });
  await expect(async () => {
    await page.goto('/cards');
    await expect(row('Small list')).toContainText('Your cards need 2 entries, but this charger holds at most 1 entry.', { timeout: 5_000 });
    await expect(row('No list').getByTestId('local-list-status')).toHaveAttribute('data-sync', 'notSupported', { timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(row('No list')).toContainText('This charger does not offer local lists (no LocalAuthListManagement profile).');
  await expect(row('Small list')).toContainText('Not in sync');

  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.getByTestId('sync-chargers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/local-list-cards-${viewport.width}.png` });
  }
});
