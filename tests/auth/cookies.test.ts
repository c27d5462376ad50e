import { randomBytes } from 'node:crypto';
import { Auth } from '@auth/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';

// Only lib/authz reads next/headers here; the session cookie comes from Auth.js itself, given the app's configuration.
const jar = vi.hoisted(() => ({ set: vi.fn() }));
vi.mock('next/headers', () => ({ cookies: async () => jar }));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';
// What a TLS-terminating proxy hands the app when it does not forward the scheme.
const ORIGIN = 'http://chargewatch.example';

afterEach(() => {
  delete process.env.APP_URL;
  jar.set.mockReset();
  vi.resetModules();
});

type SetCookie = { name: string; value: string; attributes: Map<string, string> };

function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...parts] = header.split(';').map((part) => part.trim());
  const [name = '', value = ''] = pair.split(/=(.*)/s);
  const attributes = new Map(parts.map((part) => {
    const [key = '', attribute = ''] = part.split('=');
    return [key.toLowerCase(), attribute];
  }));
  return { name, value, attributes };
}

// Logs in through /api/auth/csrf then /api/auth/callback/credentials, as the browser would, with
// the configuration lib/auth.ts hands to next-auth (which adds the secret and base path from the environment).
async function logInThroughAuthJs(appUrl: string) {
  process.env.APP_URL = appUrl;
  const { authConfig } = await import('@/lib/auth/config');
  const config = { ...authConfig(), secret: process.env.AUTH_SECRET, basePath: '/api/auth' };
  const user = await makeUser(db, { email: `cookie-${randomBytes(4).toString('hex')}@example.test`, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });

  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((header) => parseSetCookie(header)).map(({ name, value }) => `${name}=${value}`).join('; ');
  const body = new URLSearchParams({ csrfToken, email: user.email, password: PASSWORD, callbackUrl: `${ORIGIN}/dashboard` });
  const login = await Auth(new Request(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  }), config);
  return login.headers.getSetCookie().map((header) => parseSetCookie(header));
}

describe('the next-auth session cookie', () => {
  // Behind TLS the proxy here does not say https: the cookie is Secure because APP_URL says so.
  // On a plain-HTTP local platform it cannot be Secure, or the browser would not send it back.
  it.each([
    { appUrl: 'https://chargewatch.example', name: '__Secure-authjs.session-token', other: 'authjs.session-token', secure: true },
    { appUrl: 'http://localhost:3000', name: 'authjs.session-token', other: '__Secure-authjs.session-token', secure: false },
  ])('is $name, HttpOnly, SameSite=Lax, Path=/ and Secure: $secure when APP_URL is $appUrl', async ({ appUrl, name, other, secure }) => {
    const cookies = await logInThroughAuthJs(appUrl);
    const session = cookies.find((cookie) => cookie.name === name);
    expect(session?.value).toMatch(/\S{20,}/);
    expect(session?.attributes.has('secure')).toBe(secure);
    expect(session?.attributes.has('httponly')).toBe(true);
    expect(session?.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(session?.attributes.get('path')).toBe('/');
    expect(cookies.find((cookie) => cookie.name === other)).toBeUndefined();
  });
});

describe('the cw_account cookie (the account chosen in the header)', () => {
  it.each([
    { appUrl: 'https://chargewatch.example', secure: true },
    { appUrl: 'http://localhost:3000', secure: false },
  ])('is HttpOnly, SameSite=Lax, Path=/ and Secure only behind TLS ($appUrl)', async ({ appUrl, secure }) => {
    process.env.APP_URL = appUrl;
    const { CURRENT_ACCOUNT_COOKIE, rememberCurrentAccount } = await import('@/lib/authz');
    const accountId = '6f1c4a52-8f8e-4c55-9f43-0d4d5b8b2a10';
    await rememberCurrentAccount(accountId);
    expect(jar.set).toHaveBeenCalledWith(CURRENT_ACCOUNT_COOKIE, accountId, expect.objectContaining({ httpOnly: true, sameSite: 'lax', path: '/', secure }));
  });
});
