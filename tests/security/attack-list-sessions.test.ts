// Attack list, sessions: a session cookie copied before "Log out" opens nothing afterwards, and a callbackUrl
// holding a character outside ASCII is answered with a redirect the server can send, to the same site.
// Request-level: the cookie is the one Auth.js signs at login (tests/support/authjs-browser.ts).
import { validateHeaderValue } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { users } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { idle } from '@/lib/action-result';
import { Browser, loggedInBrowser, pathOf, postToAuthJs, redirectTarget, SESSION_COOKIE, switchBrowser } from '../support/authjs-browser';
import { readUntil } from '../support/event-stream';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);

const { logoutAction } = await import('@/app/actions/logout');
const { updateNameAction } = await import('@/app/(app)/profile/actions');
const { default: ProfilePage } = await import('@/app/(app)/profile/page');
const { default: LoginPage } = await import('@/app/(public)/login/page');
const { loginAction } = await import('@/app/(public)/login/actions');
const eventsRoute = await import('@/app/api/events/route');
const exportRoute = await import('@/app/(app)/sessions/export.csv/route');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());
afterEach(() => {
  vi.useRealTimers();
});

const PASSWORD = 'a long enough password';

async function activeOwner() {
  const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date() });
  await makeAccount(db, { owner: user });
  return user;
}

async function eventStreamStatus() {
  const abort = new AbortController();
  const response = await eventsRoute.GET(new Request('http://localhost:3000/api/events', { signal: abort.signal }));
  abort.abort();
  await response.body?.cancel().catch(() => {});
  return response.status;
}

const exportStatus = async () => (await exportRoute.GET(new Request('http://localhost:3000/sessions/export.csv'))).status;
const nameOf = async (userId: string) => (await db.select({ name: users.name }).from(users).where(eq(users.id, userId)))[0]?.name;

describe('a session cookie copied before "Log out"', () => {
  it('opens no page, runs no action, streams no events and exports no CSV afterwards', async () => {
    const user = await activeOwner();
    const browser = await loggedInBrowser(user.email, PASSWORD);
    const copied = browser.copy();
    // The same cookie works while the session lasts, so what follows is the logout's doing.
    expect(await eventStreamStatus()).toBe(200);
    expect(await exportStatus()).toBe(200);

    expect(pathOf(await redirectTarget(() => logoutAction()))).toBe('/login?notice=logged-out');
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);

    switchBrowser(copied);
    expect(await redirectTarget(() => ProfilePage())).toBe('/login');
    expect(await updateNameAction(idle, formData({ name: 'Mallory' }))).toEqual({ status: 'error', formError: 'sessionExpired' });
    expect(await nameOf(user.id)).toBe(user.name);
    expect(await eventStreamStatus()).toBe(401);
    expect(await exportStatus()).toBe(403);
  });

  it('ends an event stream it opened before, at the next keep-alive', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const user = await activeOwner();
    await loggedInBrowser(user.email, PASSWORD);
    const abort = new AbortController();
    const reader = (await eventsRoute.GET(new Request('http://localhost:3000/api/events', { signal: abort.signal }))).body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');

    expect(pathOf(await redirectTarget(() => logoutAction()))).toBe('/login?notice=logged-out');
    await vi.advanceTimersByTimeAsync(15_000);
    const after = await readUntil(reader, ': keep-alive');
    abort.abort();
    expect(after).not.toContain(': keep-alive');
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});

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
    await loggedInBrowser(user.email, PASSWORD);
    const location = await redirectTarget(() => LoginPage({ params: Promise.resolve({}), searchParams: Promise.resolve({ callbackUrl }) }));
    expectSendableSameSite(location);
  });

  it('sends the user there after logging in', async () => {
    const user = await activeOwner();
    switchBrowser(new Browser());
    const location = await redirectTarget(() => loginAction(idle, formData({ email: user.email, password: PASSWORD, callbackUrl })));
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
