import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { activateAccount } from '@/lib/accounts/activation';
import { attemptLogin } from '@/lib/accounts/login';
import { registerUser } from '@/lib/accounts/register';
import { testSql } from '../support/sql';
import { db } from '@/lib/db';

const sql = testSql();
afterAll(() => sql.end());

const email = () => `reg-${randomBytes(4).toString('hex')}@example.test`;
const PASSWORD = 'a long enough password';

function activationTokenFrom(text: string) {
  const match = /\/activate\?token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error('no activation link in the e-mail');
  return decodeURIComponent(match[1]);
}

async function lastMailTo(address: string) {
  const [mail] = await sql`select subject, text from outbox_emails where "to" = ${address} order by created_at desc limit 1`;
  return mail as { subject: string; text: string } | undefined;
}

describe('registration', () => {
  it('creates the user as owner of a new account and mails an activation link in their language', async () => {
    const address = email();
    const result = await registerUser(db(), { name: 'Ona', email: address, password: PASSWORD, locale: 'lt' });
    expect(result.ok).toBe(true);

    const [membership] = await sql`
      select m.role, a.name from memberships m join accounts a on a.id = m.account_id
      join users u on u.id = m.user_id where u.email = ${address}`;
    expect(membership).toEqual({ role: 'owner', name: 'Ona' });

    const mail = await lastMailTo(address);
    expect(mail?.text).toContain('/activate?token=');
    const [en] = await sql`select 1 from outbox_emails where "to" = ${address} and subject = 'Activate your Chargewatch account'`;
    expect(en).toBeUndefined();
  });

  it('answers a second registration of an address, in any case, like a new one, stores nothing, and mails the owner a way back in', async () => {
    const address = email();
    await registerUser(db(), { name: 'First', email: address, password: PASSWORD, locale: 'lt' });
    const [{ count: before }] = (await sql`select count(*)::int from accounts`) as unknown as [{ count: number }];

    const again = await registerUser(db(), { name: 'Second', email: address.toUpperCase(), password: PASSWORD, locale: 'en' });

    expect(again).toEqual({ ok: true, value: null });
    const [{ count: after }] = (await sql`select count(*)::int from accounts`) as unknown as [{ count: number }];
    expect(after).toBe(before);
    const users = await sql`select name from users where lower(email) = ${address}`;
    expect(users.map((u) => u.name)).toEqual(['First']);
    const notice = await lastMailTo(address);
    expect(notice?.subject).toBe('Kažkas bandė užsiregistruoti jūsų el. pašto adresu');
    expect(notice?.text).toMatch(/\/reset-password\?token=[\w-]+/);
    expect(notice?.text).toMatch(/\/login\b/);
  });

  it('mails the owner of a taken address at most once a minute, however often it is tried, and answers alike all the same', async () => {
    const address = email();
    await registerUser(db(), { name: 'Often', email: address, password: PASSWORD, locale: 'en' });
    for (let attempt = 0; attempt < 3; attempt++) expect(await registerUser(db(), { name: 'Again', email: address, password: PASSWORD, locale: 'en' })).toEqual({ ok: true, value: null });
    const mails = await sql`select subject from outbox_emails where "to" = ${address} order by created_at`;
    expect(mails.map((mail) => mail.subject)).toEqual(['Activate your Chargewatch account', 'Someone tried to register with your e-mail address']);
  });

  it('stores the password only as a scrypt hash', async () => {
    const address = email();
    await registerUser(db(), { name: 'Hash', email: address, password: PASSWORD, locale: 'en' });
    const [user] = await sql`select password_hash from users where email = ${address}`;
    expect(user?.password_hash).toMatch(/^scrypt\$/);
    expect(user?.password_hash).not.toContain(PASSWORD);
  });
});

describe('activation', () => {
  async function registered() {
    const address = email();
    await registerUser(db(), { name: 'Act', email: address, password: PASSWORD, locale: 'en' });
    return { address, token: activationTokenFrom((await lastMailTo(address))!.text) };
  }

  it('lets the user log in only after the link was used', async () => {
    const { address, token } = await registered();
    expect((await attemptLogin(db(), { email: address, password: PASSWORD, ip: 'a' })).status).toBe('notActivated');
    expect((await activateAccount(db(), token)).ok).toBe(true);
    expect((await attemptLogin(db(), { email: address, password: PASSWORD, ip: 'a' })).status).toBe('ok');
  });

  it('works once: a second use says the link was used', async () => {
    const { token } = await registered();
    expect((await activateAccount(db(), token)).ok).toBe(true);
    expect(await activateAccount(db(), token)).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses a link older than 24 hours and leaves the account inactive', async () => {
    const { address, token } = await registered();
    await sql`update tokens set expires_at = now() - interval '1 second'
      where user_id = (select id from users where email = ${address})`;
    expect(await activateAccount(db(), token)).toEqual({ ok: false, reason: 'expired' });
    const [user] = await sql`select email_verified_at from users where email = ${address}`;
    expect(user?.email_verified_at).toBeNull();
  });

  it('refuses a forged token', async () => {
    expect(await activateAccount(db(), 'forged-token')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is used once even when two clicks race', async () => {
    const { token } = await registered();
    const results = await Promise.all([activateAccount(db(), token), activateAccount(db(), token)]);
    expect(results.map((result) => (result.ok ? 'activated' : result.reason)).sort()).toEqual(['activated', 'used']);
  });
});
