import type { ChildProcess } from 'node:child_process';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import type { Visitor, WalkIds } from './app-pages';
import { activateAndLogin, openMailLink, uniqueEmail } from './helpers';
import { onlineChargeCard, ownerWithOnlineCharger } from './owner-setup';

export const ENGLISH = { locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } };
export const GERMAN = { locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } };

// A finished session of the owner's, charged from the Charge page; its id.
export async function finishedSession(page: Page): Promise<string> {
  const card = await onlineChargeCard(page);
  await card.getByRole('button', { name: 'Start charging' }).click();
  const running = card.getByTestId('running-session');
  await expect(running).toBeVisible({ timeout: 60_000 });
  // The car takes some energy first, so that the session has readings to show: the simulator reads its meter once a
  // second, and a stop within that second left a session with none (the phone walk then found no readings to check).
  await expect(running.getByTestId('session-energy')).not.toHaveText(/^0[.,]00\b/, { timeout: 60_000 });
  await card.getByRole('button', { name: 'Stop charging' }).click();
  await expect(card.getByTestId('finished-session')).toBeVisible({ timeout: 60_000 });
  return hrefId(page, '/sessions', '[data-testid="session-table"] a[href^="/sessions/"]');
}

// The owner invites `inviteeEmail`, whose user is logged in on `invitee`, who opens the mail and leaves it unanswered.
export async function pendingInviteToken(owner: Page, invitee: Page, { inviteeEmail, ownerName }: { inviteeEmail: string; ownerName: string }): Promise<string> {
  await owner.goto('/customers');
  await owner.getByLabel('E-mail').fill(inviteeEmail);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  await expect(owner.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();
  await openMailLink(invitee, { to: inviteeEmail, subject: `${ownerName} invited you` });
  return new URL(invitee.url()).searchParams.get('token')!;
}

// Every folded section of the page opened, outer ones first, so that what they hold is checked too. One at a time,
// always the first still closed: a list taken up front goes stale as each one opens.
export async function openFoldedSections(page: Page) {
  const closed = page.locator('main details:not([open]) > summary:visible');
  for (let opened = 0; (await closed.count()) > 0; opened++) {
    if (opened > 100) throw new Error(`a folded section on ${page.url()} does not stay open`);
    await closed.first().click();
  }
}

// The id at the end of the first link the page shows that matches the selector.
export async function hrefId(page: Page, path: string, selector: string) {
  await page.goto(path);
  await expect(page.locator(selector).first()).toBeAttached();
  return (await page.locator(selector).first().getAttribute('href'))!.split('/').pop()!;
}

// A circuit of the owner's, its charger behind it; its id. By field names: the walk runs in more than one language.
export async function createdCircuit(page: Page): Promise<string> {
  await page.goto('/circuits');
  const form = page.getByTestId('circuit-form');
  await form.locator('input[name="name"]').fill('Garage fuse');
  await form.locator('input[name="capacityA"]').fill('16');
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/circuits\/[0-9a-f-]{36}$/);
  const chargers = page.getByTestId('circuit-chargers-form');
  await chargers.locator('input[type="checkbox"]').first().check();
  await chargers.locator('button[type="submit"]').click();
  await expect(page.getByTestId('circuit-charger')).toHaveCount(1);
  return new URL(page.url()).pathname.split('/').pop()!;
}

export const CARD_LINK = 'main a[href^="/cards/"]:not([href="/cards/new"])';
export const MAIL_LINK = 'main a[href^="/mailbox/"]';

export type Walk = { pages: Record<Visitor, Page>; ids: WalkIds; simulator: ChildProcess };

// Everything a walk over every page needs: a visitor, an owner whose simulated charger has finished a session and
// who has a card, and an invited user with the invitation still open, each on a page of their own.
export async function prepareWalk(
  browser: Browser,
  { ownerName, inviteeName, tag, options = ENGLISH }: { ownerName: string; inviteeName: string; tag?: string; options?: BrowserContextOptions },
): Promise<Walk> {
  const open = async () => (await browser.newContext(options)).newPage();
  const pages: Record<Visitor, Page> = { visitor: await open(), owner: await open(), invitee: await open() };
  const owner = await ownerWithOnlineCharger(pages.owner, { name: ownerName, tag });
  const inviteeEmail = uniqueEmail('invitee');
  await activateAndLogin(pages.invitee, { name: inviteeName, email: inviteeEmail });
  const ids: WalkIds = {
    inviteToken: await pendingInviteToken(pages.owner, pages.invitee, { inviteeEmail, ownerName }),
    sessionId: await finishedSession(pages.owner),
    cardId: await hrefId(pages.owner, '/cards', CARD_LINK),
    mailId: await hrefId(pages.visitor, '/mailbox', MAIL_LINK),
    chargerId: owner.chargerId,
    circuitId: await createdCircuit(pages.owner),
  };
  return { pages, ids, simulator: owner.simulator };
}
