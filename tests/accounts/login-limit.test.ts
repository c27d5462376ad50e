import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptLogin } from '@/lib/accounts/login';
import { hashPassword } from '@/domain/crypto/password';
import { LOGIN_LIMITS } from '@/lib/accounts/login-limit';
import { timeoutForHashes } from '../support/scrypt';
import { testSql } from '../support/sql';
import { db } from '@/lib/db';

const sql = testSql();
afterAll(() => sql.end());

const PASSWORD = 'the right password';
const passwordHash = hashPassword(PASSWORD);

async function activeUser() {
  const email = `limit-${randomBytes(4).toString('hex')}@example.test`;
  await sql`insert into users (email, name, password_hash, email_verified_at) values (${email}, 'Limit', ${await passwordHash}, now())`;
  return email;
}
const ip = () => `10.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}-${randomBytes(2).toString('hex')}`;

// All at once: each attempt counts itself before the check, so up to the limit all of them fail on the password.
async function failTimes(n: number, email: string, fromIp: string) {
  const attempts = await Promise.all(Array.from({ length: n }, () => attemptLogin(db(), { email, password: 'wrong', ip: fromIp })));
  expect(attempts.map((attempt) => attempt.status)).toEqual(attempts.map(() => 'invalid'));
}

// Every login checks a password (a wrong e-mail against a decoy hash); the longest test makes one per address guess.
describe('failed login limit', { timeout: timeoutForHashes(LOGIN_LIMITS.perIp + 2) }, () => {
  it(`locks an e-mail after ${LOGIN_LIMITS.perEmail} failures, even for the right password, and says for how long`, async () => {
    const email = await activeUser();
    await failTimes(LOGIN_LIMITS.perEmail, email, ip());

    const attempt = await attemptLogin(db(), { email, password: PASSWORD, ip: ip() });
    expect(attempt).toEqual({ status: 'rateLimited', retryAfterMinutes: 15 });
  });

  it('counts an e-mail in any case as the same e-mail', async () => {
    const email = await activeUser();
    await failTimes(LOGIN_LIMITS.perEmail, email.toUpperCase(), ip());
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: ip() })).status).toBe('rateLimited');
  });

  it('lets the user in again once the window has passed', async () => {
    const email = await activeUser();
    await failTimes(LOGIN_LIMITS.perEmail, email, ip());
    await sql`update login_failures set created_at = now() - interval '16 minutes' where email = ${email}`;
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: ip() })).status).toBe('ok');
  });

  it('forgets earlier failures after a successful login', async () => {
    const email = await activeUser();
    await failTimes(LOGIN_LIMITS.perEmail - 1, email, ip());
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: ip() })).status).toBe('ok');
    await failTimes(LOGIN_LIMITS.perEmail - 1, email, ip());
    expect((await attemptLogin(db(), { email, password: PASSWORD, ip: ip() })).status).toBe('ok');
  });

  it(`slows one address trying many e-mails after ${LOGIN_LIMITS.perIp} failures`, async () => {
    const attacker = ip();
    await Promise.all(
      Array.from({ length: LOGIN_LIMITS.perIp }, (_, i) => attemptLogin(db(), { email: `guess-${i}-${randomBytes(3).toString('hex')}@example.test`, password: 'x', ip: attacker })),
    );
    const victim = await activeUser();
    expect((await attemptLogin(db(), { email: victim, password: PASSWORD, ip: attacker })).status).toBe('rateLimited');
    expect((await attemptLogin(db(), { email: victim, password: PASSWORD, ip: ip() })).status).toBe('ok');
  });

  it('lets no more than the limit through when guesses arrive all at once', async () => {
    const email = await activeUser();
    const results = await Promise.all(Array.from({ length: 12 }, () => attemptLogin(db(), { email, password: 'wrong', ip: ip() })));
    expect(results.filter((result) => result.status === 'invalid').length).toBeLessThanOrEqual(LOGIN_LIMITS.perEmail);
    expect(results.some((result) => result.status === 'rateLimited')).toBe(true);
  });

  it('answers "wrong e-mail or password" alike for an unknown e-mail and a wrong password', async () => {
    const email = await activeUser();
    expect(await attemptLogin(db(), { email, password: 'wrong', ip: ip() })).toEqual({ status: 'invalid' });
    expect(await attemptLogin(db(), { email: `x${email}`, password: 'wrong', ip: ip() })).toEqual({ status: 'invalid' });
  });
});
