// Activation, password-reset and invite links: the token cannot be guessed (256 random bits, only
// its sha-256 stored), works once even when two uses race, and not after a newer link replaced it
// or after it expired. (Single use, expiry and someone else's invite are also in tests/accounts and
// tests/customers; this adds what they leave out.)
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { attemptLogin } from '@/lib/accounts/login';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { registerUser } from '@/lib/accounts/register';
import { hashPassword } from '@/domain/crypto/password';
import { NO_LIMITS } from '@/domain/people/roles';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }) }));

const { acceptInvite, declineInvite } = await import('@/lib/invites/respond');
const { inviteUser, resendInvite } = await import('@/lib/invites/send-invite');
const { answerInviteAction } = await import('@/app/(app)/invites/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const LINKS = { activate: /\/activate\?token=([^\s&"<]+)/, reset: /\/reset-password\?token=([^\s&"<]+)/, invite: /\/invites\/accept\?token=([^\s&"<]+)/ };

async function linkToken(to: string, kind: keyof typeof LINKS) {
  const mails = await sql`select text from outbox_emails where "to" = ${to} order by created_at desc`;
  const match = mails.map((mail) => LINKS[kind].exec(String(mail.text))).find(Boolean);
  if (!match?.[1]) throw new Error(`no ${kind} link in the e-mails to ${to}`);
  return decodeURIComponent(match[1]);
}

const PASSWORD = 'the first password';
const address = () => `token-${randomBytes(5).toString('hex')}@example.test`;

async function userWithPassword() {
  return makeUser(db, { email: address(), emailVerifiedAt: new Date(), passwordHash: await hashPassword(PASSWORD) });
}

async function activationToken() {
  const email = address();
  await registerUser(db, { name: 'Token', email, password: PASSWORD, locale: 'en' });
  return linkToken(email, 'activate');
}
async function resetToken() {
  const user = await userWithPassword();
  await requestPasswordReset(db, user.email);
  return linkToken(user.email, 'reset');
}
async function invitation() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const invitee = await userWithPassword();
  const inviter = { accountId: account.id, inviterId: owner.id, inviterName: owner.name, inviterLocale: owner.locale };
  expect(await inviteUser(db, inviter, { email: invitee.email, grant: { role: 'member', limits: NO_LIMITS } })).toEqual({ ok: true, value: null });
  return { account, invitee, inviter, token: await linkToken(invitee.email, 'invite') };
}

// Whether any stored row of these tables holds the token as it was mailed.
async function isStoredInPlain(token: string) {
  const [row] = await sql`select
    (select count(*) from tokens t where row_to_json(t)::text like ${`%${token}%`}) +
    (select count(*) from invites i where row_to_json(i)::text like ${`%${token}%`}) as found`;
  return Number(row?.found) > 0;
}

describe('link tokens', () => {
  it.each([
    ['an activation', activationToken],
    ['a password reset', resetToken],
    ['an invite', async () => (await invitation()).token],
  ])('%s token is 256 random bits, stored only as its sha-256', async (_kind, issue) => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => issue()));
    for (const token of tokens) {
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(await isStoredInPlain(token)).toBe(false);
      const hash = createHash('sha256').update(token).digest('hex');
      const [stored] = await sql`select (select count(*) from tokens where token_hash = ${hash}) + (select count(*) from invites where token_hash = ${hash}) as count`;
      expect(Number(stored?.count)).toBe(1);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

describe('a password reset link', () => {
  it('sets one password when two resets with it race; the other is told the link was used', async () => {
    const user = await userWithPassword();
    await requestPasswordReset(db, user.email);
    const token = await linkToken(user.email, 'reset');
    const results = await Promise.all([resetPassword(db, { token, password: 'first racer password' }), resetPassword(db, { token, password: 'second racer password' })]);
    expect(results.map((result) => (result.ok ? 'reset' : result.reason)).sort()).toEqual(['reset', 'used']);
    const winner = results[0]!.ok ? 'first racer password' : 'second racer password';
    const loser = results[0]!.ok ? 'second racer password' : 'first racer password';
    expect((await attemptLogin(db, { email: user.email, password: winner, ip: 'race' })).status).toBe('ok');
    expect((await attemptLogin(db, { email: user.email, password: loser, ip: 'race' })).status).toBe('invalid');
  });

  it('stops working once a newer link was sent', async () => {
    const user = await userWithPassword();
    await requestPasswordReset(db, user.email);
    const first = await linkToken(user.email, 'reset');
    await sql`update tokens set created_at = now() - interval '2 minutes' where user_id = ${user.id}`;
    await requestPasswordReset(db, user.email);
    const second = await linkToken(user.email, 'reset');
    expect(second).not.toBe(first);
    expect(await resetPassword(db, { token: first, password: 'an attacker password' })).toEqual({ ok: false, reason: 'used' });
    expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ip: 'newer' })).status).toBe('ok');
    expect((await resetPassword(db, { token: second, password: 'the second password' })).ok).toBe(true);
  });

  it('is no activation or invite link, and they are no reset link', async () => {
    const token = await activationToken();
    expect(await resetPassword(db, { token, password: 'a password from elsewhere' })).toEqual({ ok: false, reason: 'invalid' });
    const { invitee, token: inviteToken } = await invitation();
    expect(await resetPassword(db, { token: inviteToken, password: 'a password from elsewhere' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await acceptInvite(db, { token: await resetToken(), userId: invitee.id })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('an invite link', () => {
  it('grants one membership when two accepts race, by link and from the dashboard', async () => {
    const { account, invitee, token } = await invitation();
    const [invite] = await sql`select id from invites where token_hash = ${createHash('sha256').update(token).digest('hex')}`;
    signInAs(invitee);
    const byDashboard = answerInviteAction({ status: 'idle' }, formData({ inviteId: String(invite!.id), answer: 'accept' })).catch((error: { digest?: string }) => error.digest);
    const results = await Promise.all([acceptInvite(db, { token, userId: invitee.id }), acceptInvite(db, { token, userId: invitee.id }), byDashboard]);
    const accepted = results.filter((result) => (typeof result === 'string' ? result.startsWith('NEXT_REDIRECT') : (result as { ok?: boolean }).ok === true));
    expect(accepted, JSON.stringify(results)).toHaveLength(1);
    expect(await sql`select 1 from memberships where account_id = ${account.id} and user_id = ${invitee.id}`).toHaveLength(1);
  });

  it('stops working once the invite was sent again, and the new link works', async () => {
    const { account, invitee, inviter, token } = await invitation();
    const [invite] = await sql`select id from invites where account_id = ${account.id}`;
    expect(await resendInvite(db, inviter, String(invite!.id))).toEqual({ ok: true, value: null });
    const fresh = await linkToken(invitee.email, 'invite');
    expect(fresh).not.toBe(token);
    expect(await acceptInvite(db, { token, userId: invitee.id })).toEqual({ ok: false, reason: 'invalid' });
    expect(await acceptInvite(db, { token: fresh, userId: invitee.id })).toEqual({ ok: true, value: { accountId: account.id } });
  });

  it('cannot be accepted from the dashboard once expired, nor declined by link', async () => {
    const { account, invitee, token } = await invitation();
    await sql`update invites set expires_at = now() - interval '1 second' where account_id = ${account.id}`;
    const [invite] = await sql`select id from invites where account_id = ${account.id}`;
    signInAs(invitee);
    expect(await answerInviteAction({ status: 'idle' }, formData({ inviteId: String(invite!.id), answer: 'accept' }))).toEqual({ status: 'error', formError: 'notFound' });
    expect(await declineInvite(db, { token, userId: invitee.id })).toEqual({ ok: false, reason: 'expired' });
    expect(await sql`select 1 from memberships where account_id = ${account.id} and user_id = ${invitee.id}`).toHaveLength(0);
  });
});
