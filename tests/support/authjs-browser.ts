// Stands in for lib/auth.ts and next/headers in request-level tests: next-auth cannot load outside Next.js, so this
// does what it does, handing each request to @auth/core with the app's own configuration (lib/auth/config.ts), for
// one browser at a time. A browser is only a cookie jar: what Auth.js sets there is the real signed cookie, and
// a copy of the jar is what an attacker who copied the cookie holds.
import { Auth, raw, skipCSRFCheck } from '@auth/core';
import type { Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { authConfig } from '@/lib/auth/config';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/peer-address';

export { LoginRefused } from '@/lib/auth/config';

const ORIGIN = 'http://localhost:3000';
export const SESSION_COOKIE = 'authjs.session-token';

type SetCookie = { name: string; value: string; options?: { maxAge?: number; expires?: Date } };

let browsersMade = 0;

export class Browser {
  readonly jar = new Map<string, string>();
  // The machine it runs on, as the server reads the TCP peer: each browser its own, so that one test's wrong guesses
  // (which count per address, lib/accounts/login-limit.ts) never rate-limit another test's logins.
  readonly address = `198.51.${Math.floor(++browsersMade / 250) % 250}.${(browsersMade % 250) + 1}`;

  header(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(cookies: SetCookie[] | undefined) {
    for (const { name, value, options } of cookies ?? []) {
      const isCleared = value === '' || options?.maxAge === 0 || (options?.expires !== undefined && options.expires.getTime() <= Date.now());
      if (isCleared) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  // A copy of the cookies, on another machine (an attacker's).
  copy(): Browser {
    const copied = new Browser();
    for (const [name, value] of this.jar) copied.jar.set(name, value);
    return copied;
  }
}

let current = new Browser();

export function switchBrowser(browser: Browser) {
  current = browser;
}

const config = () => ({ ...authConfig(), secret: process.env.AUTH_SECRET, basePath: '/api/auth' });
const actionUrl = (action: string) => `${ORIGIN}/api/auth/${action}`;

type Internal = { cookies?: SetCookie[]; redirect?: string };

async function post(action: string, body: URLSearchParams): Promise<Internal> {
  const request = new Request(actionUrl(action), {
    method: 'POST',
    headers: { cookie: current.header(), [PEER_ADDRESS_HEADER]: current.address, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const response = (await Auth(request, { ...config(), raw, skipCSRFCheck })) as unknown as Internal;
  current.keep(response.cookies);
  return response;
}

function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const [name = '', value = ''] = pair.split(/=(.*)/s);
  const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
  return { name, value, options: maxAge === undefined ? {} : { maxAge: Number(maxAge.split('=')[1]) } };
}

// Auth.js's own endpoints (app/api/auth/[...nextauth]), posted to as a browser does: a CSRF token first.
export async function postToAuthJs(action: string, fields: Record<string, string>): Promise<Response> {
  const csrf = await Auth(new Request(actionUrl('csrf'), { headers: { cookie: current.header() } }), config());
  current.keep(csrf.headers.getSetCookie().map(parseSetCookie));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await Auth(
    new Request(actionUrl(action), {
      method: 'POST',
      headers: { cookie: current.header(), [PEER_ADDRESS_HEADER]: current.address, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, ...fields }),
    }),
    config(),
  );
  current.keep(response.headers.getSetCookie().map(parseSetCookie));
  return response;
}

// next-auth's auth() in a server component: the session endpoint, with the session callback's answer as it is.
export async function auth(): Promise<Session | null> {
  const base = config();
  const ownSession = base.callbacks!.session!;
  const response = await Auth(new Request(actionUrl('session'), { headers: { cookie: current.header() } }), {
    ...base,
    callbacks: { ...base.callbacks, session: async (params) => ({ user: params.token, ...(await ownSession(params)) }) },
  });
  return response.ok ? ((await response.json()) as Session | null) : null;
}

export async function signIn(provider: 'credentials', { redirect: shouldRedirect = true, redirectTo = '/', ...fields }: Record<string, string | boolean>) {
  const body = new URLSearchParams({ ...(fields as Record<string, string>), callbackUrl: String(redirectTo) });
  const response = await post(`callback/${provider}`, body);
  if (shouldRedirect) redirect(response.redirect ?? '/');
  return response.redirect;
}

export async function signOut({ redirectTo = '/', redirect: shouldRedirect = true }: { redirectTo?: string; redirect?: boolean } = {}) {
  const response = await post('signout', new URLSearchParams({ callbackUrl: redirectTo }));
  if (shouldRedirect) redirect(response.redirect ?? '/');
  return response;
}

export const handlers = {};

// A new browser, logged in as the login form does it (the Credentials provider, no redirect).
export async function loggedInBrowser(email: string, password: string): Promise<Browser> {
  const browser = new Browser();
  switchBrowser(browser);
  await signIn('credentials', { email, password, redirect: false });
  if (!browser.jar.has(SESSION_COOKIE)) throw new Error(`${email} could not log in`);
  return browser;
}

// Where a page, an action or redirect() sent the request, as written (Next.js throws to redirect), or why it did
// not. A page that goes on to render throws here too, for want of next-intl's request config.
export async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const digest = await run().then(
    () => 'no redirect',
    (error: { digest?: string; message?: string }) => error.digest ?? `no redirect: ${error.message}`,
  );
  return digest.startsWith('NEXT_REDIRECT;') ? digest.split(';')[2]! : digest;
}

// A redirect's target on this site as path and query (Auth.js writes them absolute), or the whole of it elsewhere.
export function pathOf(location: string): string {
  const url = new URL(location, ORIGIN);
  return url.origin === ORIGIN ? url.pathname + url.search : url.href;
}

// next/headers for the same browser: its cookies, and the headers a browser sends.
export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (current.jar.has(name) ? { name, value: current.jar.get(name)! } : undefined),
    set: (name: string, value: string, options?: SetCookie['options']) => current.keep([{ name, value, options }]),
    delete: (name: string) => current.jar.delete(name),
  }),
  headers: async () => new Headers({ cookie: current.header(), [PEER_ADDRESS_HEADER]: current.address }),
};
