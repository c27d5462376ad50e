import type { ChildProcess } from 'node:child_process';
import { expect, test, type Page, type Response } from '@playwright/test';
import { nonLoopbackAddress, send } from '../tests/support/network';
import { activateAndLogin, addCharger, PASSWORD, uniqueEmail } from './helpers';
import { startSimulator } from './simulator';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

type Problem = { page: string; what: string };

// Every Content-Security-Policy violation the browser reports, and every console error or
// uncaught exception, on whichever page of the test it happens.
async function watchForViolations(page: Page): Promise<Problem[]> {
  const problems: Problem[] = [];
  await page.exposeFunction('reportCspViolation', (what: string) => problems.push({ page: page.url(), what }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (what: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample}) at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push({ page: page.url(), what: message.text() });
  });
  page.on('pageerror', (error) => problems.push({ page: page.url(), what: `uncaught: ${error.message}` }));
  return problems;
}

function directives(policy: string) {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }));
}

function expectSecurityHeaders(response: Response | null) {
  expect(response, 'the page answered').not.toBeNull();
  const headers = response!.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const policy = directives(headers['content-security-policy'] ?? '');
  const scripts = policy.get('script-src') ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((value) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(value))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  // Plain HTTP here, so no HSTS: it is only sent when APP_URL is https.
  expect(headers['strict-transport-security']).toBeUndefined();
}

// Opens a page, checks its headers, and that it rendered (a heading) rather than an error page.
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  expectSecurityHeaders(response);
  await expect(page.getByRole('heading').first()).toBeVisible();
}

let simulator: ChildProcess | undefined;
test.afterEach(() => {
  simulator?.kill('SIGTERM');
});

test('public pages load under the Content-Security-Policy with the security headers', async ({ page }) => {
  const problems = await watchForViolations(page);
  for (const path of ['/', '/login', '/register', '/forgot-password', '/check-email', '/mailbox', '/activate?token=unknown', '/reset-password?token=unknown']) {
    await visit(page, path);
  }
  // Static files and the manifest carry the static headers too.
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.headers()['x-content-type-options']).toBe('nosniff');
  const icon = await page.request.get('/icons/icon.svg');
  expect(icon.headers()['x-frame-options']).toBe('DENY');
  // A signed-out visitor of a private page is still sent to the login, with the headers.
  await visit(page, '/dashboard');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  expect(problems).toEqual([]);
});

test('a signed-in owner uses every page with no CSP violation: scripts, styles, charts and the live stream work', async ({ page, context }) => {
  // Some twenty pages and a charging session: several times the other flows, so several times their hang guard.
  test.setTimeout(900_000);
  const problems = await watchForViolations(page);
  const email = uniqueEmail('csp');
  await activateAndLogin(page, { name: 'Policy Owner', email });

  const session = (await context.cookies()).find((cookie) => cookie.name === 'authjs.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });

  // The live stream opens (connect-src) and carries the charger coming online.
  const connection = await addCharger(page, { name: 'Policy wallbox', identity: `CSP-${Date.now().toString(36).toUpperCase()}` });
  const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/events');
  await page.getByRole('link', { name: "Open the charger's page" }).click();
  const events = await stream;
  expect(events.status()).toBe(200);
  expect(events.headers()['content-type']).toContain('text/event-stream');
  simulator = startSimulator({ ...connection, extra: ['--meter-interval', '1000', '--power', '22000'] });
  await expect(page.getByTestId('online-badge')).toHaveText('Online', { timeout: 60_000 });

  // A client-side interaction: the card form swaps its fields without a round trip.
  await visit(page, '/cards/new');
  await expect(page.getByLabel('Card ID')).toBeVisible();
  await page.getByRole('radio', { name: /Virtual card/ }).check();
  await expect(page.getByLabel('Card ID')).toHaveCount(0);
  await page.getByLabel('Label').fill('Policy phone');
  await page.getByLabel('Linked user').selectOption({ label: `Policy Owner (${email})` });
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/cards$/);

  // A session, so that its page (with the energy chart) has something to draw.
  await visit(page, '/charge');
  const charger = page.getByTestId('charge-card').filter({ hasText: 'Policy wallbox' });
  await charger.getByRole('button', { name: 'Start charging' }).click();
  await expect(charger.getByTestId('running-session')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await charger.getByTestId('session-energy').innerText()).replace(/[^\d.]/g, ''), { timeout: 60_000 }).not.toMatch(/^0?\.?0*$/);
  await charger.getByRole('button', { name: 'Stop charging' }).click();
  await expect(charger.getByTestId('finished-session')).toBeVisible({ timeout: 60_000 });

  for (const path of ['/dashboard', '/onboarding', '/profile', '/chargers', '/chargers/new', '/cards', '/customers', '/sessions', '/sessions/tariff', '/mailbox', '/invites/accept?token=unknown']) {
    await visit(page, path);
  }
  await visit(page, '/chargers');
  await page.getByTestId('charger-card').filter({ hasText: 'Policy wallbox' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/chargers\/[\w-]+$/);
  await visit(page, '/cards');
  await page.getByRole('link', { name: /Policy phone/ }).first().click();
  await expect(page).toHaveURL(/\/cards\/[\w-]+$/);
  await visit(page, '/sessions');
  await page.getByTestId('session-table').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/sessions\/[\w-]+$/);
  // The chart sizes itself with a style attribute, which the policy allows (style-src-attr).
  const chart = page.getByRole('img', { name: /Power in kilowatts and energy/ });
  await expect(chart).toBeVisible();
  expect((await chart.boundingBox())?.height).toBeGreaterThan(100);
  await visit(page, '/mailbox');
  await page.getByRole('link', { name: /Activate your Chargewatch account/ }).first().click();
  await expect(page.getByTestId('email-body')).toBeVisible();

  expect(problems).toEqual([]);
});

// `npm start` listens on every interface with the local mailbox on: another machine on the network gets a 404 there,
// whatever it claims in its headers, and also when it has the server render the mailbox for it (a server action's
// redirect, which Next.js renders by fetching the page from itself over loopback).
test('the local mailbox is closed to another machine, also through a login that redirects to it', async ({ page, baseURL }) => {
  const elsewhere = nonLoopbackAddress();
  const port = Number(new URL(baseURL!).port);
  const forged = { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', host: `localhost:${port}`, 'x-chargewatch-peer-address': '127.0.0.1' };
  for (const headers of [{}, forged]) {
    for (const path of ['/mailbox', '/mailbox/00000000-0000-4000-8000-000000000000']) {
      expect((await send({ port, from: elsewhere, path, headers })).status, `${path} ${JSON.stringify(headers)}`).toBe(404);
    }
  }
  expect((await send({ port, from: '127.0.0.1', path: '/mailbox' })).status).toBe(200);

  const email = uniqueEmail('elsewhere');
  await activateAndLogin(page, { name: 'Remote Owner', email });
  await page.goto(`http://${elsewhere}:${port}/login?callbackUrl=%2Fmailbox`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByTestId('mailbox')).toHaveCount(0);
  await expect(page.getByText('Activate your Chargewatch account')).toHaveCount(0);
});
