import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { activateAndLogin, addCharger, addPhysicalCard, uniqueEmail } from './helpers';
import { PERSONALITIES } from './personalities';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

for (const [personality, flags] of PERSONALITIES) {
  test(`the owner stops a session a card linked to nobody started at a charger that ${personality}`, async ({ page }) => {
    await activateAndLogin(page, { name: 'Olga Owner', email: uniqueEmail('owner-control') });
    await addPhysicalCard(page, { idTag: 'SIMCARD', label: 'Garage fob' });

    const connection = await addCharger(page, { name: 'Garage', identity: `OWN-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}` });
    simulator = startSimulator({ ...connection, extra: ['--charge', '--meter-interval=1000', '--power=180000', ...flags] });

    // Reloaded rather than left to the live updates: this is about who may stop what, and the first page of a fresh
    // web server was seen not to get its live updates (the event stream, not this feature).
    const card = page.getByTestId('charge-card').filter({ hasText: 'Garage' });
    await expect(async () => {
      await page.goto('/charge');
      await expect(card.getByTestId('other-session')).toContainText('card Garage fob, linked to nobody', { timeout: 5_000 });
    }).toPass({ timeout: 120_000 });

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Chargers' }).click();
    await page.getByRole('link', { name: /Garage/ }).first().click();
    const active = page.getByTestId('active-session');
    await expect(active).toContainText('card Garage fob');
    await active.getByRole('button', { name: 'Stop charging' }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('cell', { name: 'Stopped from the app' })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByTestId('active-session')).toHaveCount(0);
  });
}
