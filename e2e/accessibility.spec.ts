import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { APP_PAGES, routesOfTheApp, type AppPage, type Visitor, type WalkIds } from './app-pages';
import { seriousViolations } from './axe';
import { activateAndLogin, openMailLink, uniqueEmail } from './helpers';
import { onlineChargeCard, ownerWithOnlineCharger } from './owner-setup';

const ENGLISH = { locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } };
const GERMAN = { locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } };
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
  // Folded sections (the charger page's Advanced, the Charge page's reservation) are opened, so axe sees them too.
  for (const summary of await page.locator('main details:not([open]) > summary').all()) await summary.click();
  const found = await seriousViolations(page, entry.route);
  if (!entry.hasFormErrors) return found;
  await submitFirstFormEmpty(page);
  return [...found, ...(await seriousViolations(page, `${entry.route} (form with errors)`))];
}

// A finished session of the owner's, charged from the Charge page; its id.
async function finishedSession(page: Page): Promise<string> {
  const card = await onlineChargeCard(page);
  await card.getByRole('button', { name: 'Start charging' }).click();
  await expect(card.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Stop charging' }).click();
  await expect(card.getByTestId('finished-session')).toBeVisible({ timeout: 60_000 });
  return hrefId(page, '/sessions', '[data-testid="session-table"] a[href^="/sessions/"]');
}

async function pendingInviteToken(owner: Page, invitee: Page, inviteeEmail: string): Promise<string> {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(inviteeEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();
  await openMailLink(invitee, { to: inviteeEmail, subject: 'Ada Accessible invited you' });
  return new URL(invitee.url()).searchParams.get('token')!;
}

async function hrefId(page: Page, path: string, selector: string) {
  await page.goto(path);
  await expect(page.locator(selector).first()).toBeAttached();
  return (await page.locator(selector).first().getAttribute('href'))!.split('/').pop()!;
}

test('axe finds no serious or critical WCAG 2.1 AA violation on any page, with and without form errors, in English', async ({ browser }) => {
  // Three users, a charge and some forty axe runs on a 2-core machine shared with other builds: a guard against a
  // hang, never a measure of speed.
  test.setTimeout(30 * 60_000);
  const pages: Record<Visitor, Page> = { visitor: await newPage(browser), owner: await newPage(browser), invitee: await newPage(browser) };
  const owner = await ownerWithOnlineCharger(pages.owner, { name: 'Ada Accessible' });
  simulator = owner.simulator;
  const inviteeEmail = uniqueEmail('a11y-invitee');
  await activateAndLogin(pages.invitee, { name: 'Ivo Invitee', email: inviteeEmail });
  const ids: WalkIds = {
    inviteToken: await pendingInviteToken(pages.owner, pages.invitee, inviteeEmail),
    sessionId: await finishedSession(pages.owner),
    cardId: await hrefId(pages.owner, '/cards', 'main a[href^="/cards/"]:not([href="/cards/new"])'),
    mailId: await hrefId(pages.visitor, '/mailbox', 'main a[href^="/mailbox/"]'),
    chargerId: owner.chargerId,
  };

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
  const ids = { mailId: '', chargerId: '', cardId: '', sessionId: '', inviteToken: '' };
  for (const entry of APP_PAGES.filter((candidate) => candidate.as === 'visitor' && candidate.route !== '/mailbox/[id]')) {
    found.push(...(await checkPage(page, entry, ids)));
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
  }
  expect(found).toEqual([]);
});
