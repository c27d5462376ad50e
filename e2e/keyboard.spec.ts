import type { ChildProcess } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { onlineChargeCard, ownerWithOnlineCharger } from './owner-setup';

test.use({ viewport: { width: 360, height: 740 }, locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// Presses Tab until `target` has the focus, and names each control passed on the way that showed no focus ring.
async function tabTo(page: Page, target: Locator, presses = 80): Promise<string[]> {
  const withoutRing: string[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      // Past the last control the focus leaves the page for the browser's own controls before it wraps round.
      if (element === document.body) return { hasRing: true, name: '' };
      const style = getComputedStyle(element);
      const hasRing = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { hasRing, name: `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"` };
    });
    if (!focused.hasRing) withoutRing.push(focused.name);
    if (await target.evaluate((element) => element === document.activeElement)) return withoutRing;
  }
  throw new Error(`${presses} presses of Tab never reached ${target}`);
}

test('on a phone, the Charge page starts and stops a charge and the More sheet opens, leads on and closes by keyboard alone, every control with a focus ring', async ({ page }) => {
  test.slow();
  const owner = await ownerWithOnlineCharger(page, { name: 'Kai Keyboard' });
  simulator = owner.simulator;
  const card = await onlineChargeCard(page);
  await page.locator('body').focus();

  const start = card.getByRole('button', { name: 'Start charging' });
  expect(await tabTo(page, start)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  const stop = card.getByRole('button', { name: 'Stop charging' });
  expect(await tabTo(page, stop)).toEqual([]);
  await page.keyboard.press('Space');
  await expect(card.getByTestId('finished-session')).toBeVisible({ timeout: 60_000 });

  const more = page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('button', { name: 'More' });
  expect(await tabTo(page, more)).toEqual([]);
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'More' });
  await expect(sheet).toBeVisible();
  // Every control of the sheet in turn and round again: the page behind it never gets the focus (past the sheet's
  // last control the focus visits the browser's own controls, where the page sees its body focused).
  const controls = await sheet.locator('a, button, select').count();
  for (let press = 0; press < controls + 2; press++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((dialog) => dialog.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(more).toBeFocused();

  await page.keyboard.press('Space');
  await expect(sheet).toBeVisible();
  expect(await tabTo(page, sheet.getByRole('link', { name: 'Cards' }), 20)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cards$/);
  await expect(sheet).toBeHidden();
});
