// Sessions the server can end: each login is a user_sessions row that the cookie names, and what ends a session
// deletes its row. Driven through Auth.js with the app's configuration (tests/support/authjs-browser.ts), one
// cookie jar per browser.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { idle } from '@/lib/action-result';
import { loggedInBrowser, pathOf, postToAuthJs, redirectTarget, SESSION_COOKIE, switchBrowser, type Browser } from '../support/authjs-browser';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);

const { logOutEverywhereAction } = await import('@/app/actions/logout');
const { changePasswordAction } = await import('@/app/(app)/profile/actions');
const { getSessionUser } = await import('@/lib/session');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';

async function activeUser() {
  const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date() });
  await makeAccount(db, { owner: user });
  return user;
}

async function signedInUserOf(browser: Browser) {
  switchBrowser(browser);
  return (await getSessionUser())?.id ?? null;
}

const sessionCount = async (userId: string) => Number((await sql`select count(*) from user_sessions where user_id = ${userId}`)[0]!.count);

describe('log out everywhere', () => {
  it("ends every session of the user, the one that asked included, and no one else's", async () => {
    const user = await activeUser();
    const other = await activeUser();
    const phone = await loggedInBrowser(user.email, PASSWORD);
    const laptop = await loggedInBrowser(user.email, PASSWORD);
    const laptopCopy = laptop.copy();
    const stranger = await loggedInBrowser(other.email, PASSWORD);
    expect(await signedInUserOf(phone)).toBe(user.id);

    switchBrowser(laptop);
    expect(pathOf(await redirectTarget(() => logOutEverywhereAction()))).toBe('/login?notice=logged-out-everywhere');
    expect(laptop.jar.has(SESSION_COOKIE)).toBe(false);

    expect(await signedInUserOf(phone)).toBeNull();
    expect(await signedInUserOf(laptopCopy)).toBeNull();
    expect(await signedInUserOf(stranger)).toBe(other.id);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('only clears the cookie of a browser whose session has already ended', async () => {
    const user = await activeUser();
    const phone = await loggedInBrowser(user.email, PASSWORD);
    const laptop = await loggedInBrowser(user.email, PASSWORD);
    switchBrowser(phone);
    await redirectTarget(() => logOutEverywhereAction());

    switchBrowser(laptop);
    expect(pathOf(await redirectTarget(() => logOutEverywhereAction()))).toBe('/login?notice=logged-out-everywhere');
    expect(laptop.jar.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("Auth.js's own sign-out endpoint", () => {
  it('ends the session, not only the cookie', async () => {
    const user = await activeUser();
    const browser = await loggedInBrowser(user.email, PASSWORD);
    const copied = browser.copy();
    const response = await postToAuthJs('signout', { callbackUrl: '/login' });
    expect(response.status).toBe(302);
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await signedInUserOf(copied)).toBeNull();
  });
});

describe('a password change', () => {
  it('keeps the browser that made it signed in, on a new session, and ends every other', async () => {
    const user = await activeUser();
    const phone = await loggedInBrowser(user.email, PASSWORD);
    const laptop = await loggedInBrowser(user.email, PASSWORD);
    const laptopBefore = laptop.copy();

    switchBrowser(laptop);
    expect(await changePasswordAction(idle, formData({ currentPassword: PASSWORD, newPassword: 'a brand new password' }))).toEqual({ status: 'ok', data: null });
    expect(laptop.jar.get(SESSION_COOKIE)).not.toBe(laptopBefore.jar.get(SESSION_COOKIE));

    expect(await signedInUserOf(laptop)).toBe(user.id);
    expect(await signedInUserOf(laptopBefore)).toBeNull();
    expect(await signedInUserOf(phone)).toBeNull();
  });

  it('with a wrong current password ends nothing', async () => {
    const user = await activeUser();
    const phone = await loggedInBrowser(user.email, PASSWORD);
    const laptop = await loggedInBrowser(user.email, PASSWORD);
    expect(await changePasswordAction(idle, formData({ currentPassword: 'not the password', newPassword: 'a brand new password' }))).toEqual({
      status: 'error',
      fieldErrors: { currentPassword: ['wrongPassword'] },
    });
    expect(await signedInUserOf(phone)).toBe(user.id);
    expect(await signedInUserOf(laptop)).toBe(user.id);
  });
});

describe('an old session', () => {
  it('opens nothing past the 30-day maximum, and its row is deleted at the next login of anyone', async () => {
    const user = await activeUser();
    const browser = await loggedInBrowser(user.email, PASSWORD);
    await sql`update user_sessions set expires_at = now() - interval '1 second' where user_id = ${user.id}`;
    expect(await signedInUserOf(browser)).toBeNull();
    expect(await sessionCount(user.id)).toBe(1);

    const other = await activeUser();
    await loggedInBrowser(other.email, PASSWORD);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('lasts 30 days from the login', async () => {
    const user = await activeUser();
    await loggedInBrowser(user.email, PASSWORD);
    const [row] = await sql`select extract(epoch from expires_at - created_at) as seconds from user_sessions where user_id = ${user.id}`;
    expect(Number(row!.seconds)).toBe(30 * 24 * 3600);
  });
});
