import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { APP_PAGES, routesOfTheApp, type AppPage, type WalkIds } from './app-pages';
import { seriousViolations } from './axe';
import { ENGLISH, GERMAN, openFoldedSections, prepareWalk } from './walk';

test.use(ENGLISH);

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

test('the accessibility walk lists every page the app has', () => {
  expect(APP_PAGES.map((entry) => entry.route).sort()).toEqual(routesOfTheApp(join(process.cwd(), 'app')));
});

async function newPage(browser: Browser, options = ENGLISH) {
  return (await browser.newContext(options)).newPage();
}

// The first form with something to fill, sent empty: the page then shows its errors.
async function submitFirstFormEmpty(page: Page) {
  const form = page.locator('main form').filter({ has: page.locator('input:not([type=hidden]), select, textarea') }).first();
  for (const field of await form.locator('input[type=text], input[type=email], input[type=password], input[type=number], input:not([type])').all()) {
    await field.fill('');
  }
  await form.locator('button[type=submit]').first().click();
  await expect(page.locator('main [aria-invalid="true"], main [role="alert"]').first()).toBeVisible();
}

async function checkPage(page: Page, entry: AppPage, ids: WalkIds): Promise<string[]> {
  await page.goto(entry.path(ids));
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // What the folded sections hold (the charger page's Advanced, the Charge page's reservation) is checked too.
  await openFoldedSections(page);
  const found = await seriousViolations(page, entry.route);
  if (!entry.hasFormErrors) return found;
  await submitFirstFormEmpty(page);
  return [...found, ...(await seriousViolations(page, `${entry.route} (form with errors)`))];
}

test('axe finds no serious or critical WCAG 2.1 AA violation on any page, with and without form errors, in English', async ({ browser }) => {
  // Three users, a charge and some forty axe runs on a 2-core machine shared with other builds: a guard against a
  // hang, never a measure of speed.
  test.setTimeout(30 * 60_000);
  const { pages, ids, simulator: started } = await prepareWalk(browser, { ownerName: 'Ada Accessible', inviteeName: 'Ivo Invitee' });
  simulator = started;
  const found: string[] = [];
  for (const entry of APP_PAGES) found.push(...(await checkPage(pages[entry.as], entry, ids)));
  expect(await pages.visitor.locator('html').getAttribute('lang')).toBe('en');

  await pages.visitor.goto('/no-such-page');
  found.push(...(await seriousViolations(pages.visitor, '404 (logged out)')));
  await pages.owner.goto('/sessions/00000000-0000-4000-8000-000000000000');
  found.push(...(await seriousViolations(pages.owner, '404 (a session that does not exist)')));

  await pages.owner.setViewportSize({ width: 360, height: 740 });
  await pages.owner.goto('/dashboard');
  await pages.owner.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('button', { name: 'More' }).click();
  await expect(pages.owner.getByRole('dialog', { name: 'More' })).toBeVisible();
  found.push(...(await seriousViolations(pages.owner, 'the phone menu sheet, open')));
  expect(found).toEqual([]);
});

test('the public pages in German declare their language and pass axe, with and without form errors', async ({ browser }) => {
  const page = await newPage(browser, GERMAN);
  const found: string[] = [];
  const ids = { mailId: '', chargerId: '', cardId: '', sessionId: '', inviteToken: '', circuitId: '' };
  for (const entry of APP_PAGES.filter((candidate) => candidate.as === 'visitor' && candidate.route !== '/mailbox/[id]')) {
    found.push(...(await checkPage(page, entry, ids)));
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
  }
  expect(found).toEqual([]);
});
