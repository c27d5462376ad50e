// Attack list, sessions: a callbackUrl holding a character outside ASCII is answered with a redirect the server
// can send, to the same site.
// Request-level: the cookie is the one Auth.js signs at login (tests/support/authjs-browser.ts).
import { validateHeaderValue } from 'node:http';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { idle } from '@/lib/action-result';
import { Browser, postToAuthJs, SESSION_COOKIE, signIn, switchBrowser } from '../support/authjs-browser';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);

const { default: LoginPage } = await import('@/app/(public)/login/page');
const { loginAction } = await import('@/app/(public)/login/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';

async function activeOwner() {
  const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date() });
  await makeAccount(db, { owner: user });
  return user;
}

async function loggedInBrowser(email: string) {
  const browser = new Browser();
  switchBrowser(browser);
  await signIn('credentials', { email, password: PASSWORD, redirect: false });
  expect(browser.jar.get(SESSION_COOKIE)).toMatch(/\S{20,}/);
  return browser;
}

// Where a page, an action or a redirect() sent the request (Next.js throws to redirect). A page that goes on to
// render throws here too, for want of next-intl's request config: that is no redirect either.
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const digest = await run().then(
    () => 'no redirect',
    (error: { digest?: string; message?: string }) => error.digest ?? `no redirect: ${error.message}`,
  );
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(';')[2]!;
}

describe('a callbackUrl holding a character outside ASCII', () => {
  const callbackUrl = '/\u3000/x';

  // A Location header the server cannot send is a 500; an encoded path of this site is a page (or its 404).
  function expectSendableSameSite(location: string) {
    expect(() => validateHeaderValue('location', location)).not.toThrow();
    const target = new URL(location, 'http://localhost:3000');
    expect(target.origin).toBe('http://localhost:3000');
    expect(target.pathname).toBe('/%E3%80%80/x');
  }

  it('sends a signed-in visitor of the login page on to the encoded path', async () => {
    const user = await activeOwner();
    await loggedInBrowser(user.email);
    const location = await redirectOf(() => LoginPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ callbackUrl }) }));
    expectSendableSameSite(location);
  });

  it('sends the user there after logging in', async () => {
    const user = await activeOwner();
    switchBrowser(new Browser());
    const location = await redirectOf(() => loginAction(idle, formData({ email: user.email, password: PASSWORD, callbackUrl })));
    expectSendableSameSite(location);
  });

  it("is sent on to the encoded path by Auth.js's own login endpoint", async () => {
    const user = await activeOwner();
    switchBrowser(new Browser());
    const response = await postToAuthJs('callback/credentials', { email: user.email, password: PASSWORD, callbackUrl });
    expect(response.status).toBe(302);
    expectSendableSameSite(response.headers.get('location') ?? '');
  });
});
