// The holes of issue 14 ("Accounts you can trust"), one test each, tried the way an attacker would: real requests
// from another machine, guesses through the forms, probes for who has an account, and invitations from someone
// the owner removed. Each of these failed on the code before its fix. (Logout and callbackUrl: another file.)
import { Auth } from '@auth/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts, invites, memberships, outboxEmails, users } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { removeMembership } from '@/domain/data/memberships';
import { authConfig } from '@/lib/auth/config';
import { PEER_ADDRESS_HEADER } from '@/lib/auth/peer-address';
import { nonLoopbackAddress, send, startAppServer } from '../support/app-server';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { timeoutForHashes } from '../support/scrypt';
import de from '@/messages/de.json';
import { callAction, type Action } from './action-catalog';

vi.mock('next/headers', () => import('../support/request-headers'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// Passed through, and counted: the work a registration does is the same whether or not its address is taken.
vi.mock('@/domain/crypto/password', async (original) => {
  const actual = await original<typeof import('@/domain/crypto/password')>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});
vi.mock('next-intl/server', async (original) => ({
  ...(await original<object>()),
  getLocale: async () => 'en',
  getTranslations: async () => (key: string) => key,
  getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString() }),
}));

const { default: MailboxPage } = await import('@/app/(public)/mailbox/page');
const { default: MailboxEmailPage } = await import('@/app/(public)/mailbox/[id]/page');
const { changePasswordAction } = await import('@/app/(app)/profile/actions');
const { registerAction } = await import('@/app/(public)/register/actions');
const { inviteUserAction } = await import('@/app/(app)/customers/actions');
const { INVITES_PER_HOUR } = await import('@/lib/invites/send-invite');
const { removeMemberAction } = await import('@/app/(app)/customers/actions');
const { acceptInviteAction, answerInviteAction } = await import('@/app/(app)/invites/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;
const elsewhere = nonLoopbackAddress();
// E-mails go to the local outbox, where the tests read them.
beforeAll(() => vi.stubEnv('RESEND_API_KEY', ''));

// A page as Next.js would render it: here every text and link of its element tree.
function textOf(node: unknown, seen = new Set<unknown>()): string[] {
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (!node || typeof node !== 'object' || seen.has(node)) return [];
  seen.add(node);
  if (Array.isArray(node)) return node.flatMap((child) => textOf(child, seen));
  const props = (node as { props?: Record<string, unknown> }).props;
  return props ? Object.values(props).flatMap((value) => textOf(value, seen)) : Object.values(node).flatMap((value) => textOf(value, seen));
}
const rendered = (element: unknown) => new Response(textOf(element).join('\n'));

const FORGED = {
  'x-forwarded-for': '127.0.0.1',
  'x-real-ip': '127.0.0.1',
  forwarded: 'for=127.0.0.1',
  host: 'localhost',
  [PEER_ADDRESS_HEADER]: '127.0.0.1',
  'x-chargewatch-peer-seal': 'forged',
};

describe('the local mailbox', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let resetMail: { id: string; subject: string };
  beforeAll(async () => {
    const subject = `Reset your password ${Date.now()}`;
    [resetMail] = (await sql`insert into outbox_emails ("to", subject, html, text)
      values ('victim@example.test', ${subject}, '<a href="/reset-password?token=secret-token">reset</a>', 'secret-token') returning id, subject`) as unknown as [{ id: string; subject: string }];
    server = await startAppServer({
      '/mailbox': async (request) => {
        const id = new URL(request.url).pathname.split('/')[2];
        return rendered(id ? await MailboxEmailPage({ params: Promise.resolve({ id }) } as Parameters<typeof MailboxEmailPage>[0]) : await MailboxPage());
      },
      // What Next.js does when a server action redirects to a page of the app: it renders that page by fetching it
      // from itself (process.env.__NEXT_PRIVATE_ORIGIN, http://localhost:PORT) with the original request's headers
      // (createRedirectRenderResult in next/dist/server/app-render/action-handler.js), and streams it back.
      '/action-redirect': async (request) => {
        const forwarded = new Headers(request.headers);
        for (const name of ['host', 'connection', 'content-length']) forwarded.delete(name);
        const to = new URL(request.url).searchParams.get('to') ?? '/';
        const inner = await fetch(`http://localhost:${server.port}${to}`, { headers: forwarded });
        return new Response(await inner.text(), { status: inner.status });
      },
    });
  });
  afterAll(() => server.close());

  it('answers 404 to a request from another machine, whatever its headers claim, and opens only from this one', async () => {
    for (const path of ['/mailbox', `/mailbox/${resetMail.id}`]) {
      for (const headers of [{}, FORGED]) {
        const fromElsewhere = await send({ port: server.port, from: elsewhere, path, headers });
        expect(fromElsewhere.status, `${path} from ${elsewhere} with ${JSON.stringify(headers)}`).toBe(404);
        expect(fromElsewhere.body).not.toContain('secret-token');
      }
      const fromHere = await send({ port: server.port, from: '127.0.0.1', path });
      expect(fromHere.status, path).toBe(200);
    }
    expect((await send({ port: server.port, from: '127.0.0.1', path: `/mailbox/${resetMail.id}` })).body).toContain('secret-token');
    expect((await send({ port: server.port, from: '127.0.0.1', path: '/mailbox' })).body).toContain(resetMail.subject);
  });

  it("stays closed to another machine when Next.js fetches the page from itself for it (a server action's redirect)", async () => {
    for (const to of ['/mailbox', `/mailbox/${resetMail.id}`]) {
      const relayed = await send({ port: server.port, from: elsewhere, path: `/action-redirect?to=${encodeURIComponent(to)}` });
      expect(relayed.status, to).toBe(404);
      expect(relayed.body).not.toContain('secret-token');
      expect((await send({ port: server.port, from: '127.0.0.1', path: `/action-redirect?to=${encodeURIComponent(to)}` })).status, to).toBe(200);
    }
  });
});

describe('guessing a password', () => {
  const PASSWORD = 'the right password';
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    const auth = { ...authConfig(), secret: process.env.AUTH_SECRET, basePath: '/api/auth' };
    server = await startAppServer({
      // The login form's way in: Auth.js with the app's configuration (lib/auth.ts hands the same to next-auth).
      '/api/auth': (request) => Auth(request, auth),
      '/profile/password': async (request) => Response.json(await changePasswordAction(idle, await request.formData())),
    });
  });
  afterAll(() => server.close());

  async function someone() {
    const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });
    signInAs(user);
    return user;
  }

  // Through the login form from another machine: 'ok', or the code Auth.js sends the browser back with.
  async function logIn(email: string, password: string) {
    const csrf = await send({ port: server.port, from: elsewhere, path: '/api/auth/csrf' });
    const cookie = csrf.cookies.map((header) => header.split(';')[0]).join('; ');
    const body = new URLSearchParams({ csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, email, password }).toString();
    const login = await send({ port: server.port, from: elsewhere, path: '/api/auth/callback/credentials', method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
    return new URL(login.location ?? '', 'http://x').searchParams.get('code') ?? 'ok';
  }

  async function changePassword(currentPassword: string) {
    const form = new URLSearchParams({ currentPassword, newPassword: 'a brand new password' }).toString();
    const answer = await send({ port: server.port, from: elsewhere, path: '/profile/password', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    return JSON.parse(answer.body) as { status: string; fieldErrors?: Record<string, string[]>; fieldErrorValues?: Record<string, number> };
  }

  const storedHash = async (userId: string) => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]?.hash;

  it('through the change-password form: the sixth wrong current password is refused as too many attempts, next to the field, and the guesses lock the login too', { timeout: timeoutForHashes(10) }, async () => {
    const user = await someone();
    const hash = await storedHash(user.id);
    for (let guess = 1; guess <= 5; guess++) expect((await changePassword(`guess ${guess}`)).fieldErrors, `guess ${guess}`).toEqual({ currentPassword: ['wrongPassword'] });
    const sixth = await changePassword(PASSWORD);
    expect(sixth.fieldErrors).toEqual({ currentPassword: ['tooManyAttempts'] });
    expect(sixth.fieldErrorValues).toEqual({ minutes: 15 });
    expect(await storedHash(user.id)).toBe(hash);
    expect(await logIn(user.email, PASSWORD)).toBe('rateLimited');
  });

  it('wrong logins count against the change-password form as well', { timeout: timeoutForHashes(10) }, async () => {
    const user = await someone();
    const hash = await storedHash(user.id);
    for (let guess = 1; guess <= 5; guess++) expect(await logIn(user.email, `guess ${guess}`), `guess ${guess}`).toBe('invalid');
    expect((await changePassword(PASSWORD)).fieldErrors).toEqual({ currentPassword: ['tooManyAttempts'] });
    expect(await storedHash(user.id)).toBe(hash);
  });
});

describe('probing for accounts', () => {
  const mailsTo = (email: string) => db.select().from(outboxEmails).where(eq(outboxEmails.to, email));
  const accountCount = async () => (await db.select({ id: accounts.id }).from(accounts)).length;

  it('registering a taken address answers exactly like a new one, does the same work, and tells the owner instead', { timeout: timeoutForHashes(4) }, async () => {
    const owner = await makeUser(db, { name: 'Owner', email: `owner-${Date.now()}@example.test`, passwordHash: await hashPassword('the owner password'), emailVerifiedAt: new Date(), locale: 'de' });
    const register = async (email: string) => {
      vi.mocked(hashPassword).mockClear();
      const outcome = await callAction(registerAction as Action, formData({ name: 'Prober', email, password: 'a long enough password' }));
      return { outcome, hashes: vi.mocked(hashPassword).mock.calls.length };
    };
    const fresh = `fresh-${Date.now()}@example.test`;
    const accountsBefore = await accountCount();
    expect(await register(fresh)).toEqual({ outcome: { redirectedTo: `/check-email?email=${encodeURIComponent(fresh)}` }, hashes: 1 });
    const taken = owner.email.toUpperCase();
    expect(await register(taken)).toEqual({ outcome: { redirectedTo: `/check-email?email=${encodeURIComponent(taken)}` }, hashes: 1 });
    expect(await accountCount()).toBe(accountsBefore + 1);

    const [stored] = await db.select().from(users).where(eq(users.id, owner.id));
    expect({ name: stored?.name, passwordHash: stored?.passwordHash }).toEqual({ name: owner.name, passwordHash: owner.passwordHash });
    const [notice, ...more] = await mailsTo(owner.email);
    expect(more).toEqual([]);
    expect(notice?.text).toContain('/login');
    expect(notice?.text).toMatch(/\/reset-password\?token=/);
    expect(notice?.subject).toBe(de.Email.registrationAttempt.subject);
  });

  it('every invitation counts against the hourly invite limit, to an address with an account or not', async () => {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    const registered = await makeUser(db, { emailVerifiedAt: new Date() });
    signInAs(owner);
    const invite = (email: string) => inviteUserAction(idle, formData({ accountId: account.id, email }));
    for (let probe = 1; probe <= INVITES_PER_HOUR; probe++) expect(await invite(`probe-${probe}-${Date.now()}@example.test`), `probe ${probe}`).toMatchObject({ status: 'ok' });
    expect(await invite(registered.email)).toMatchObject({ formError: 'inviteRateLimited' });
    expect(await mailsTo(registered.email)).toEqual([]);
  });
});

describe('an invitation from a member the owner removed', () => {
  const person = () => makeUser(db, { emailVerifiedAt: new Date() });

  // A member invites a friend; the friend holds the link from the e-mail.
  async function invitedByMember() {
    const owner = await person();
    const account = await makeAccount(db, { owner });
    const member = await person();
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
    const friend = await person();
    signInAs(member);
    expect(await inviteUserAction(idle, formData({ accountId: account.id, email: friend.email }))).toMatchObject({ status: 'ok' });
    const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, friend.email));
    const token = decodeURIComponent(/invites\/accept\?token=([\w-]+)/.exec(mail!.text)![1]!);
    return { account, owner, member, friend, token };
  }
  const accept = async (friend: { id: string }, token: string) => {
    signInAs(friend);
    return callAction(acceptInviteAction as Action, formData({ token }));
  };
  const isMember = async (accountId: string, userId: string) =>
    (await db.select().from(memberships).where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))).length > 0;

  it('is withdrawn when the owner removes that member, and gives no access', async () => {
    const { account, owner, member, friend, token } = await invitedByMember();
    signInAs(owner);
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: member.id }))).toMatchObject({ status: 'ok' });
    const [invite] = await db.select({ status: invites.status }).from(invites).where(eq(invites.invitedUserId, friend.id));
    expect(invite?.status).toBe('revoked');
    expect(await accept(friend, token)).toEqual({ result: { status: 'ok', data: 'revoked' } });
    expect(await isMember(account.id, friend.id)).toBe(false);
  });

  it("gives no access once its sender is no longer a member, checked in the accepting transaction, even while the removal is still being written", async () => {
    const left = await invitedByMember();
    // As a removal from before this release left it: the membership gone, the invitation still pending.
    await db.delete(memberships).where(and(eq(memberships.accountId, left.account.id), eq(memberships.userId, left.member.id)));
    expect(await accept(left.friend, left.token)).toEqual({ result: { status: 'ok', data: 'revoked' } });
    const [pending] = await db.select({ id: invites.id }).from(invites).where(eq(invites.invitedUserId, left.friend.id));
    expect(await callAction(answerInviteAction as Action, formData({ inviteId: pending!.id, answer: 'accept' }))).toEqual({ result: { status: 'error', formError: 'notFound' } });
    expect(await isMember(left.account.id, left.friend.id)).toBe(false);

    // The friend accepts while the owner's removal of the sender has not yet committed.
    const racing = await invitedByMember();
    const { answer } = await db.transaction(async (tx) => {
      await removeMembership(tx, { accountId: racing.account.id, userId: racing.member.id });
      const answer = accept(racing.friend, racing.token);
      let isSettled = false;
      void answer.finally(() => (isSettled = true));
      // Until the accept waits for the removal's lock (or, without one, is done), then the removal commits.
      while (!isSettled && (await sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%"invites"%'`).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      return { answer };
    });
    expect(await answer).toEqual({ result: { status: 'ok', data: 'revoked' } });
    expect(await isMember(racing.account.id, racing.friend.id)).toBe(false);
  });
});
