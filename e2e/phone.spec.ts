import type { ChildProcess } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { APP_PAGES, type WalkIds } from './app-pages';
import { activateAndLogin, uniqueEmail } from './helpers';
import { ownerWithOnlineCharger } from './owner-setup';
import { CARD_LINK, createdCircuit, ENGLISH, finishedSession, GERMAN, hrefId, MAIL_LINK, openFoldedSections, pendingInviteToken } from './walk';

test.use(ENGLISH);

const PHONE = { width: 360, height: 740 };
const HOST_NAME = 'Hannelore Gastgeberin-Langname';

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

// The pages a visitor sees, and those a logged-in user sees (the mailbox is open to both), with their ids filled in.
const visitorPaths = (ids: WalkIds) => APP_PAGES.filter((entry) => entry.as === 'visitor').map((entry) => entry.path(ids));
const userPaths = (ids: WalkIds) => APP_PAGES.filter((entry) => entry.as !== 'visitor' || entry.route.startsWith('/mailbox')).map((entry) => entry.path(ids));

// Each page wider than the screen, with the elements that stick out past its right edge (to say what to mend).
async function overflowingPages(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('main, body').first()).toBeVisible();
    // What the folded sections hold (the charger page's Advanced, the Charge page's reservation) is checked too.
    await openFoldedSections(page);
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

async function inMoreMenu(page: Page, { more = 'More', sections = 'Sections' }, act: (sheet: ReturnType<Page['getByRole']>) => Promise<unknown>) {
  await page.getByRole('navigation', { name: sections, exact: true }).getByRole('button', { name: more }).click();
  // Unnamed: its name follows the language, which the sheet itself can change.
  await act(page.getByRole('dialog'));
}

const IN_ENGLISH = { more: 'More', sections: 'Sections', close: 'Close' };
const IN_GERMAN = { more: 'Mehr', sections: 'Bereiche', close: 'Schließen' };

async function switchLanguage(page: Page, from: typeof IN_ENGLISH, to: { code: string; words: typeof IN_ENGLISH }) {
  await inMoreMenu(page, from, async (sheet) => {
    await sheet.getByTestId('language-switcher').selectOption(to.code);
    // The sheet stays open in the new language.
    await sheet.getByRole('button', { name: to.words.close }).click();
  });
  await expect(page.getByRole('navigation', { name: to.words.sections, exact: true })).toBeVisible();
}

async function phonePage(browser: Browser, options = ENGLISH) {
  return (await browser.newContext({ ...options, viewport: PHONE })).newPage();
}

test('on a 360 px phone, logged out, no public page is wider than the screen, in English and German', async ({ browser }) => {
  const ids: WalkIds = { mailId: 'none', chargerId: '', cardId: '', sessionId: '', inviteToken: '', circuitId: '' };
  const paths = visitorPaths(ids).filter((path) => path !== '/mailbox/none');
  expect(await overflowingPages(await phonePage(browser), paths)).toEqual([]);
  expect(await overflowingPages(await phonePage(browser, GERMAN), paths)).toEqual([]);
});

test('on a 360 px phone, for a user in one account and then in two, in English and German, no page is wider than the screen, and every section is a tab or under More', async ({ browser }) => {
  // Four passes over every page, after two registrations and a charge: a guard against a hang on a busy 2-core
  // machine, never a measure of speed.
  test.setTimeout(30 * 60_000);
  const host = await (await browser.newContext(ENGLISH)).newPage();
  await activateAndLogin(host, { name: HOST_NAME, email: uniqueEmail('phone-host') });

  const page = await phonePage(browser);
  const owner = await ownerWithOnlineCharger(page, { name: 'Philippa Phone-Owner' });
  simulator = owner.simulator;

  // The tabs and the sheet lead everywhere.
  const tabs = page.getByRole('navigation', { name: 'Sections', exact: true });
  await tabs.getByRole('link', { name: 'Sessions' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  // The list comes first: the filters are folded behind one button until asked for.
  await expect(page.getByLabel('From')).toBeHidden();
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await expect(page.getByLabel('From')).toBeVisible();
  await inMoreMenu(page, IN_ENGLISH, (sheet) => sheet.getByRole('link', { name: 'Cards' }).click());
  await expect(page).toHaveURL(/\/cards$/);
  await expect(page.getByRole('dialog', { name: 'More' })).toBeHidden();

  const ids: WalkIds = {
    chargerId: owner.chargerId,
    sessionId: await finishedSession(page),
    cardId: await hrefId(page, '/cards', CARD_LINK),
    circuitId: await createdCircuit(page),
    inviteToken: await pendingInviteToken(host, page, { inviteeEmail: owner.email, ownerName: HOST_NAME }),
    mailId: await hrefId(page, '/mailbox', MAIL_LINK),
  };
  const paths = userPaths(ids);
  expect(await overflowingPages(page, paths)).toEqual([]);
  // A session's readings fit too: each is two lines, with nothing to scroll sideways.
  await page.goto(`/sessions/${ids.sessionId}`);
  await openFoldedSections(page);
  const readings = page.getByRole('region').filter({ has: page.getByTestId('meter-values') });
  await expect(readings).toContainText('Energy.Active.Import.Register');
  expect(await readings.evaluate((region) => region.scrollWidth - region.clientWidth)).toBeLessThanOrEqual(0);
  await switchLanguage(page, IN_ENGLISH, { code: 'de', words: IN_GERMAN });
  expect(await overflowingPages(page, paths)).toEqual([]);
  // Every tab says its whole name ("Ladevorgänge", not "Ladevorgän…").
  const labels = page.getByRole('navigation', { name: IN_GERMAN.sections, exact: true }).getByTestId('tab-label');
  await expect(labels).toHaveText(['Laden', 'Ladestationen', 'Ladevorgänge', 'Mehr']);
  expect(await labels.evaluateAll((spans) => spans.filter((span) => span.scrollWidth > span.clientWidth).map((span) => span.textContent))).toEqual([]);

  // Invited to a second account: the account switcher appears, in the sheet.
  await page.goto(`/invites/accept?token=${ids.inviteToken}`);
  await page.getByRole('button', { name: 'Einladung annehmen' }).click();
  await expect(page).toHaveURL(/\/chargers$/);
  await inMoreMenu(page, IN_GERMAN, async (sheet) => {
    const switcher = sheet.getByTestId('account-switcher');
    await expect(switcher).toBeVisible();
    // Back to the user's own account, so that its charger, card and session pages show them rather than "not found".
    const own = (await switcher.locator('option').filter({ hasNotText: HOST_NAME }).getAttribute('value'))!;
    await switcher.selectOption(own);
    await expect(switcher).toBeEnabled();
    await sheet.getByRole('button', { name: IN_GERMAN.close }).click();
  });
  await expect(async () => {
    await page.goto(`/chargers/${ids.chargerId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Garage wallbox' })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  // In two accounts, in German (the longer words are where a page would grow too wide) and in English.
  expect(await overflowingPages(page, paths)).toEqual([]);
  await switchLanguage(page, IN_GERMAN, { code: 'en', words: IN_ENGLISH });
  expect(await overflowingPages(page, paths)).toEqual([]);

  await inMoreMenu(page, IN_ENGLISH, (sheet) => sheet.getByRole('button', { name: 'Log out' }).click());
  await expect(page).toHaveURL(/\/login/);
});
