// A login whose client address cannot be told is still held to a per-address limit: all such logins
// count under one shared address, and the server says once in its log why.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { attemptLogin } from '@/lib/accounts/login';
import { clientIp, UNKNOWN_CLIENT } from '@/lib/auth/client-ip';
import { hashPassword } from '@/domain/crypto/password';
import { LOGIN_LIMITS } from '@/lib/accounts/login-limit';
import { timeoutForHashes } from '../support/scrypt';

// Logins of other test files without a client address count under the same shared address, so
// this file has a database of its own.
const own = vi.hoisted(() => ({ name: `chargewatch_unknown_${Math.random().toString(16).slice(2, 10)}` }));
vi.mock('@/lib/db', async () => {
  const { default: postgres } = await import('postgres');
  const { runMigrations } = await import('@/db/migrate');
  const { createDb } = await import('@/db/client');
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${own.name}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${own.name}`;
  await runMigrations(url.toString());
  const database = createDb(url.toString(), { max: 3 });
  Object.assign(own, { sql: database.sql });
  return { db: () => database.db };
});

const written = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log', async () => (await import('../support/captured-log')).logWritingTo(await vi.importActual('@/lib/log'), written.lines, 'warn'));

afterAll(async () => {
  const { sql } = own as typeof own & { sql?: { end: () => Promise<void> } };
  await sql?.end();
  const { default: postgres } = await import('postgres');
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${own.name}" with (force)`);
  await admin.end();
});

const PASSWORD = 'the right password';

describe('a login without a known client address', () => {
  // One hash for the user, one per guess (checked against the decoy hash) and one for the login that gets in.
  it('counts under one shared address, so many guesses at many e-mails are still slowed', { timeout: timeoutForHashes(LOGIN_LIMITS.perIp + 2) }, async () => {
    const { db } = await import('@/lib/db');
    const { users } = await import('@/db/schema');
    const email = `victim-${randomBytes(4).toString('hex')}@example.test`;
    await db().insert(users).values({ email, name: 'Victim', passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });

    // All at once: each guess counts itself before the check, so all of them are let through to the password check.
    const guesses = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.perIp }, (_, i) => attemptLogin(db(), { email: `guess-${i}@example.test`, password: 'x', ip: UNKNOWN_CLIENT })),
    );
    expect(guesses.map((guess) => guess.status)).toEqual(guesses.map(() => 'invalid'));
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: UNKNOWN_CLIENT })).status).toBe('rateLimited');
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: '192.0.2.10' })).status).toBe('ok');
  });

  it('is told once in the log, not with every login', () => {
    const before = written.lines.length;
    expect(clientIp(new Headers(), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(), 0)).toBe(UNKNOWN_CLIENT);
    const lines = written.lines.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('login without the client address');
  });
});
