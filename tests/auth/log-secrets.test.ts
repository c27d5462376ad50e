import { randomBytes } from 'node:crypto';
import { Auth } from '@auth/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { activateAccount } from '@/lib/accounts/activation';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { registerUser } from '@/lib/accounts/register';
import { users } from '@/db/schema';
import { authConfig } from '@/lib/auth/config';
import { db } from '@/lib/db';
import { startResendStub } from '../support/resend-stub';
import { testSql } from '../support/sql';

// Everything the web app's logger would write, at its most talkative level.
const written = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log', async () => (await import('../support/captured-log')).logWritingTo(await vi.importActual('@/lib/log'), written.lines, 'trace'));

const sql = testSql();
afterAll(() => sql.end());
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

const ORIGIN = 'http://localhost:3000';
const config = () => ({ ...authConfig(), secret: process.env.AUTH_SECRET, basePath: '/api/auth' });

function tokenIn(text: string, path: string) {
  const match = new RegExp(`/${path}\\?token=([\\w%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in the e-mail`);
  return decodeURIComponent(match[1]);
}

// A login through Auth.js's credentials callback, as the login form does; returns the session token.
async function logIn(email: string, password: string) {
  const csrf = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), config());
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  const response = await Auth(new Request(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/dashboard` }),
  }), config());
  const session = response.headers.getSetCookie().find((header) => header.startsWith('authjs.session-token='));
  return session?.split(';')[0]?.split('=')[1];
}

function expectNotLogged(secrets: Record<string, string | undefined>) {
  const log = written.lines.join('');
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret, what).toBeTruthy();
    expect(log.includes(secret!), `the log holds the ${what}`).toBe(false);
  }
}

describe('the web app log', () => {
  it('never holds a submitted password, a password hash, a session token or an activation or reset token', async () => {
    const stub = await startResendStub();
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = stub.url;
    const email = `logs-${randomBytes(4).toString('hex')}@example.test`;
    const password = `first ${randomBytes(6).toString('hex')}`;
    const newPassword = `second ${randomBytes(6).toString('hex')}`;
    const wrongPassword = `wrong ${randomBytes(6).toString('hex')}`;

    await registerUser(db(), { name: 'Logan', email, password, locale: 'en' });
    const activationToken = tokenIn(stub.received[0]!.body.text, 'activate');
    expect((await activateAccount(db(), activationToken)).ok).toBe(true);
    expect(await logIn(email, wrongPassword)).toBeUndefined();
    const sessionToken = await logIn(email, password);
    await requestPasswordReset(db(), email);
    const resetToken = tokenIn(stub.received[1]!.body.text, 'reset-password');
    expect((await resetPassword(db(), { token: resetToken, password: newPassword })).ok).toBe(true);
    await stub.close();
    const [user] = await sql`select password_hash from users where email = ${email}`;

    expect(written.lines.length).toBeGreaterThan(0);
    expectNotLogged({ password, newPassword, wrongPassword, passwordHash: user?.password_hash, sessionToken, activationToken, resetToken, resendKey: 're_test_key' });
  });

  it('in local-mailbox mode (no e-mail service) prints the e-mail with its link and token, but still not the password', async () => {
    const email = `local-${randomBytes(4).toString('hex')}@example.test`;
    const password = `local ${randomBytes(6).toString('hex')}`;
    await registerUser(db(), { name: 'Lou', email, password, locale: 'en' });
    const log = written.lines.join('');
    expect(log).toContain('e-mail kept in the local mailbox');
    expect(log).toMatch(/\/activate\?token=/);
    expectNotLogged({ password });
  });

  it('writes a failed query without the values it was sent, but with its SQL and PostgreSQL error code', async () => {
    const { log } = await import('@/lib/log');
    const email = `taken-${randomBytes(4).toString('hex')}@example.test`;
    const firstHash = `scrypt$first-${randomBytes(8).toString('hex')}`;
    const secondHash = `scrypt$second-${randomBytes(8).toString('hex')}`;
    await db().insert(users).values({ email, name: 'First', passwordHash: firstHash });
    const failure = await db().insert(users).values({ email, name: 'Second', passwordHash: secondHash }).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const before = written.lines.length;

    log.error({ err: failure }, 'registration failed');
    // Auth.js hands its logger the error it caught wrapped as `cause: { err }`.
    log.error({ err: new Error('callback failed', { cause: { err: failure } }) }, 'auth error');
    // Several failures at once, as a list inside a cause.
    log.error({ err: new Error('all attempts failed', { cause: { errors: [failure] } }) }, 'batch failed');

    const lines = written.lines.slice(before);
    expectNotLogged({ secondHash, email, firstHash: firstHash.slice('scrypt$'.length) });
    expect(lines.join('')).not.toMatch(/params/);
    const [direct, wrapped] = lines.map((line) => JSON.parse(line) as { err: { message: string; query: string; cause: { code: string; err?: { query: string; cause: { code: string } } } } });
    expect(direct?.err.message).toMatch(/^Failed query: insert into "users"/);
    expect(direct?.err.query).toMatch(/^insert into "users"/);
    expect(direct?.err.cause.code).toBe('23505');
    expect(wrapped?.err.cause.err?.query).toMatch(/^insert into "users"/);
    expect(wrapped?.err.cause.err?.cause.code).toBe('23505');
    expect(lines).toHaveLength(3);
  });

  it('writes a secret passed to it by mistake as [redacted]', async () => {
    const { log } = await import('@/lib/log');
    log.info({ password: 'leaked-on-purpose-1', user: { passwordHash: 'leaked-on-purpose-2' }, headers: { cookie: 'authjs.session-token=leaked-3' } }, 'mistake');
    expectNotLogged({ password: 'leaked-on-purpose-1', passwordHash: 'leaked-on-purpose-2', cookie: 'leaked-3' });
    expect(written.lines.at(-1)).toContain('[redacted]');
  });
});
