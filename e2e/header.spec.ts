import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

// Every link the header's row shows lies whole inside the window: nothing to scroll sideways to.
async function expectRowInsideWindow(page: Page) {
  const overflow = await mainNavigation(page).evaluate((nav) => {
    const links = [...nav.querySelectorAll('a')].filter((link) => link.getClientRects().length > 0);
    return { isScrollable: nav.scrollWidth > nav.clientWidth, beyond: links.filter((link) => link.getBoundingClientRect().right > window.innerWidth).map((link) => link.textContent) };
  });
  expect(overflow).toEqual({ isScrollable: false, beyond: [] });
}

test('on a tablet the header shows the sections that fit, in German, and keeps the rest one click away under Mehr', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 1000 });
  await activateAndLogin(page, { name: 'Tabea Tablet', email: uniqueEmail('header') });
  await page.goto('/sessions');
  await page.getByTestId('language-switcher').selectOption('de');
  await expect(mainNavigation(page).getByRole('link', { name: 'Ladestationen' })).toBeVisible();
  await expect(mainNavigation(page).getByRole('link', { name: 'Karten' })).toBeHidden();
  await expectRowInsideWindow(page);

  const more = mainNavigation(page).getByRole('button', { name: 'Mehr' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(mainNavigation(page).getByRole('link', { name: 'Profil' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(mainNavigation(page).getByRole('link', { name: 'Profil' })).toBeHidden();
  await expect(more).toBeFocused();

  await more.click();
  await mainNavigation(page).getByRole('link', { name: 'Karten' }).click();
  await expect(page).toHaveURL(/\/cards$/);
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(mainNavigation(page).getByRole('link', { name: 'Karten' })).toBeVisible();
  await expectRowInsideWindow(page);
  await more.click();
  await expect(mainNavigation(page).getByRole('link', { name: 'Karten' })).toHaveCount(1);
  await expect(mainNavigation(page).getByRole('link', { name: 'Profil' })).toBeVisible();
  await page.mouse.click(5, 700);
  await expect(mainNavigation(page).getByRole('link', { name: 'Profil' })).toBeHidden();
});

// The colour of a section's name in the header, to tell "this is where you are" from the rest.
const colourOf = (page: Page, name: string, role: 'link' | 'button') => mainNavigation(page).getByRole(role, { name, exact: true }).evaluate((element) => getComputedStyle(element).color);

test('More stands out only when the page shown is one of the sections it holds at this width', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 1000 });
  await activateAndLogin(page, { name: 'Mora More', email: uniqueEmail('header-more') });
  await page.goto('/sessions');
  await page.getByTestId('language-switcher').selectOption('de');
  await expect(mainNavigation(page).getByRole('link', { name: 'Ladestationen' })).toBeVisible();
  const plain = await colourOf(page, 'Ladestationen', 'link');
  // Sessions stands in the row: More is plain.
  expect(await colourOf(page, 'Mehr', 'button')).toBe(plain);

  // Cards is under More at this width: More stands out.
  await page.goto('/cards');
  await expect(mainNavigation(page).getByRole('link', { name: 'Karten' })).toBeHidden();
  expect(await colourOf(page, 'Mehr', 'button')).not.toBe(plain);

  // Wide, Cards stands in the row itself: More is plain again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(mainNavigation(page).getByRole('link', { name: 'Karten' })).toBeVisible();
  expect(await colourOf(page, 'Mehr', 'button')).toBe(plain);
});
