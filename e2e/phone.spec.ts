import { expect, test, type Page } from '@playwright/test';
import { activateAndLogin, addCharger, inviteAndAccept, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

const PHONE = { width: 360, height: 740 };
const PUBLIC_PAGES = ['/login', '/register', '/forgot-password'];
const APP_PAGES = ['/dashboard', '/charge', '/chargers', '/chargers/new', '/sessions', '/cards', '/cards/new', '/customers', '/profile', '/profile/security'];

// Each page wider than the screen, with the elements that stick out past its right edge (to say what to mend).
async function overflowingPages(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('main, body').first()).toBeVisible();
    const overflow = await page.evaluate(() => {
      const width = window.innerWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join('.')}`);
      return `${document.documentElement.scrollWidth}px: ${culprits.join(', ')}`;
    });
    if (overflow) found.push(`${path} ${overflow}`);
  }
  return found;
}

async function useMoreMenu(page: Page, act: (sheet: ReturnType<Page['getByRole']>) => Promise<unknown>) {
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('button', { name: 'More' }).click();
  // Unnamed: its name follows the language, which the sheet itself can change.
  await act(page.getByRole('dialog'));
}

test('on a 360 px phone, for a user in one account and then in two, in English and German, no page is wider than the screen, and every section is a tab or under More', async ({ browser }) => {
  // Three passes over every page, after two registrations: a long walk on a busy 2-core machine.
  test.slow();
  const host = await (await browser.newContext()).newPage();
  const hostEmail = uniqueEmail('phone-host');
  await activateAndLogin(host, { name: 'Hannelore Gastgeberin-Langname', email: hostEmail });

  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  expect(await overflowingPages(page, PUBLIC_PAGES)).toEqual([]);
  const email = uniqueEmail('phone');
  await activateAndLogin(page, { name: 'Philippa Phone-Owner', email });
  const { url } = await addCharger(page, { name: 'Driveway wallbox with a long name', identity: `PHONE-${Date.now().toString(36).toUpperCase()}` });
  expect(url).toContain('/ocpp/');
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  const chargerPath = new URL(page.url()).pathname;
  const pages = [...APP_PAGES, chargerPath];

  // The tabs and the sheet lead everywhere.
  const tabs = page.getByRole('navigation', { name: 'Sections', exact: true });
  await tabs.getByRole('link', { name: 'Sessions' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  // The list comes first: the filters are folded behind one button until asked for.
  await expect(page.getByLabel('From')).toBeHidden();
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await expect(page.getByLabel('From')).toBeVisible();
  await useMoreMenu(page, (sheet) => sheet.getByRole('link', { name: 'Cards' }).click());
  await expect(page).toHaveURL(/\/cards$/);
  await expect(page.getByRole('dialog', { name: 'More' })).toBeHidden();
  expect(await overflowingPages(page, pages)).toEqual([]);

  // Invited to a second account: the account switcher appears, in the sheet.
  await inviteAndAccept(host, page, { email, ownerName: 'Hannelore Gastgeberin-Langname' });
  await useMoreMenu(page, async (sheet) => {
    await expect(sheet.getByTestId('account-switcher')).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
  });
  expect(await overflowingPages(page, pages)).toEqual([]);

  // The sheet stays open in the new language.
  await useMoreMenu(page, async (sheet) => {
    await sheet.getByTestId('language-switcher').selectOption('de');
    await sheet.getByRole('button', { name: 'Schließen' }).click();
  });
  await expect(page.getByRole('navigation', { name: 'Bereiche', exact: true })).toBeVisible();
  expect(await overflowingPages(page, pages)).toEqual([]);

  await useMoreMenuInGerman(page);
  await expect(page).toHaveURL(/\/login/);
  expect(await overflowingPages(page, PUBLIC_PAGES)).toEqual([]);
});

async function useMoreMenuInGerman(page: Page) {
  await page.getByRole('navigation', { name: 'Bereiche', exact: true }).getByRole('button', { name: 'Mehr' }).click();
  await page.getByRole('dialog', { name: 'Mehr' }).getByRole('button', { name: 'Abmelden' }).click();
}
