import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { attemptLogin } from '@/lib/accounts/login';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { hashPassword } from '@/domain/crypto/password';
import { startUserSession } from '@/domain/data/user-sessions';
import { testSql } from '../support/sql';
import { db } from '@/lib/db';

const sql = testSql();
afterAll(() => sql.end());

const OLD = 'the old password';
const NEW = 'a brand new password';

async function userWithResetMail() {
  const email = `reset-${randomBytes(4).toString('hex')}@example.test`;
  const [user] = await sql`insert into users (email, name, password_hash, email_verified_at, locale)
    values (${email}, 'Reset', ${await hashPassword(OLD)}, now(), 'fr') returning id`;
  await startUserSession(db(), { userId: user!.id as string });
  await requestPasswordReset(db(), email.toUpperCase());
  const [mail] = await sql`select subject, text from outbox_emails where "to" = ${email}`;
  const token = decodeURIComponent(/reset-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '');
  return { email, token, subject: mail?.subject as string, userId: user!.id as string };
}

describe('password reset', () => {
  it('mails a link in the user language that sets a new password once and signs other sessions out', async () => {
    const { email, token, subject, userId } = await userWithResetMail();
    expect(subject).toBe('Réinitialisez votre mot de passe Chargewatch');

    expect((await resetPassword(db(), { token, password: NEW })).ok).toBe(true);
    expect((await attemptLogin(db(), { email, password: OLD, ip: email })).status).toBe('invalid');
    expect((await attemptLogin(db(), { email, password: NEW, ip: email })).status).toBe('ok');
    expect(await sql`select 1 from user_sessions where user_id = ${userId}`).toHaveLength(0);
    const [notice] = await sql`select subject from outbox_emails where "to" = ${email} order by created_at desc limit 1`;
    expect(notice?.subject).toBe('La connexion à votre compte Chargewatch a changé');

    expect(await resetPassword(db(), { token, password: 'yet another password' })).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses an expired link and keeps the old password', async () => {
    const { email, token } = await userWithResetMail();
    await sql`update tokens set expires_at = now() - interval '1 second' where token_hash is not null
      and user_id = (select id from users where email = ${email})`;
    expect(await resetPassword(db(), { token, password: NEW })).toEqual({ ok: false, reason: 'expired' });
    expect((await attemptLogin(db(), { email, password: OLD, ip: email })).status).toBe('ok');
  });

  it('sends nothing for an unknown address, and says nothing different', async () => {
    const email = `nobody-${randomBytes(4).toString('hex')}@example.test`;
    await expect(requestPasswordReset(db(), email)).resolves.toBeUndefined();
    expect(await sql`select 1 from outbox_emails where "to" = ${email}`).toHaveLength(0);
  });
});
