import { expect, test, type Browser, type Cookie, type Page } from '@playwright/test';
import { activateAndLogin, login, uniqueEmail } from './helpers';

test.use({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });

async function sessionCookieOf(page: Page): Promise<Cookie> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'authjs.session-token');
  expect(cookie, 'the session cookie').toBeDefined();
  return cookie!;
}

// Another browser holding a copy of the cookie, with the profile page open: its name form is a server action
// sent with that cookie.
async function openProfileWith(browser: Browser, cookie: Cookie): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
  return page;
}

// A request the way a script would send it, with only the cookie: its status, without waiting for the body.
async function statusWith(cookie: Cookie, url: string): Promise<number> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie: `${cookie.name}=${cookie.value}` }, redirect: 'manual', signal: abort.signal });
  abort.abort();
  return response.status;
}

async function readToEnd(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let chunk = await reader.read();
  while (!chunk.done) chunk = await reader.read();
}

async function expectNothingOpensWith(cookie: Cookie, { copy, baseURL }: { copy: Page; baseURL: string }) {
  await copy.getByLabel('Name').fill('Mallory');
  await copy.getByRole('button', { name: 'Save name' }).click();
  await expect(copy.getByRole('alert').filter({ hasText: 'Your session has ended. Log in again.' })).toBeVisible();
  await copy.reload();
  await expect(copy).toHaveURL(/\/login$/);
  expect(await statusWith(cookie, `${baseURL}/api/events`)).toBe(401);
  expect(await statusWith(cookie, `${baseURL}/sessions/export.csv`)).toBe(403);
}

test('a session cookie copied before "Log out" opens no page, action, event stream or CSV afterwards', async ({ page, browser, baseURL }) => {
  const name = 'Copied Cookie';
  await activateAndLogin(page, { name, email: uniqueEmail('logout') });
  const cookie = await sessionCookieOf(page);
  const copy = await openProfileWith(browser, cookie);
  expect(await statusWith(cookie, `${baseURL}/sessions/export.csv`)).toBe(200);
  const stream = await fetch(`${baseURL}/api/events`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
  expect(stream.status).toBe(200);

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();

  await expectNothingOpensWith(cookie, { copy, baseURL: baseURL! });
  // The stream opened before the logout is closed by the server at its next check (the test's timeout guards a hang).
  await readToEnd(stream.body!.getReader());
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login/);
  await copy.context().close();
});

test('"Log out everywhere" in a second browser ends the session of the first', async ({ page, browser, baseURL }) => {
  const email = uniqueEmail('everywhere');
  await activateAndLogin(page, { name: 'Two Browsers', email });
  const cookie = await sessionCookieOf(page);
  await page.goto('/profile');

  const laptop = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await login(laptop, { email });
  await expect(laptop).toHaveURL(/\/dashboard$/);
  await laptop.goto('/profile');
  await laptop.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(laptop.getByText('You are logged out on every device.')).toBeVisible();
  await laptop.goto('/profile');
  await expect(laptop).toHaveURL(/\/login/);

  await expectNothingOpensWith(cookie, { copy: page, baseURL: baseURL! });
  await laptop.context().close();
});

test('a callbackUrl holding a character outside ASCII answers a page and leads to the same site', async ({ page, baseURL }) => {
  const email = uniqueEmail('callback');
  await activateAndLogin(page, { name: 'Callback Owner', email });
  const signedIn = await page.goto('/login?callbackUrl=/profile%3Ftab%3D%C4%97');
  expect(signedIn?.status()).toBe(200);
  expect(page.url()).toBe(`${baseURL}/profile?tab=%C4%97`);
  const unknownPath = await page.goto('/login?callbackUrl=/%E3%80%80/x');
  expect(unknownPath?.status()).toBe(404);
  expect(page.url()).toBe(`${baseURL}/%E3%80%80/x`);

  await page.goto('/profile');
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  const loginPage = await page.goto('/login?callbackUrl=/%E3%80%80/x');
  expect(loginPage?.status()).toBe(200);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/%E3%80%80/x`);
  await expect(page.getByRole('heading').first()).toBeVisible();
});
