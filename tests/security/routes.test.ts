// The route handlers and the local mailbox, tried as a removed member, with an account cookie that
// names someone else's account, and with hostile query strings: refused or answered for the user's
// own account only, never a 500; the mailbox never shows where real e-mail is sent.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount } from '@/db/seed/builders';
import { CHARGER_EVENTS_CHANNEL } from '@/domain/charging/charger-events';
import { removeMembership } from '@/domain/data/memberships';
import { readUntil } from '../support/event-stream';
import { signInAs } from '../support/fake-auth';
import { makeTargetAccount, type TargetAccount } from './action-catalog';
import { HOSTILE_TEXT } from './hostile-input';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
const cookieJar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const exportRoute = await import('@/app/(app)/sessions/export.csv/route');
const eventsRoute = await import('@/app/api/events/route');
const { CURRENT_ACCOUNT_COOKIE } = await import('@/lib/authz');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
afterEach(() => {
  cookieJar.clear();
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

let target: TargetAccount;
let removed: TargetAccount['member'];
let removedOwnAccountId: string;
beforeAll(async () => {
  target = await makeTargetAccount(db);
  removed = target.member;
  removedOwnAccountId = (await makeAccount(db, { owner: removed })).id;
  expect((await removeMembership(db, { accountId: target.account.id, userId: removed.id })).ok).toBe(true);
});

const exportUrl = (query: string) => `http://localhost/sessions/export.csv?${query}`;

describe('the sessions CSV export', () => {
  it("refuses a removed member who names the account, and a cookie naming it exports only the user's own account", async () => {
    signInAs(removed);
    expect((await exportRoute.GET(new Request(exportUrl(`accountId=${target.account.id}`)))).status).toBe(403);
    cookieJar.set(CURRENT_ACCOUNT_COOKIE, target.account.id);
    const response = await exportRoute.GET(new Request(exportUrl('')));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(target.charger.name);
  });

  it('answers every hostile query with the CSV or a refusal, never an error', async () => {
    signInAs(target.owner);
    const filters = ['from', 'to', 'chargerId', 'userId', 'cardId', 'page'];
    for (const [kind, value] of Object.entries(HOSTILE_TEXT)) {
      const query = new URLSearchParams(filters.map((name) => [name, value]));
      const ownAccount = await exportRoute.GET(new Request(exportUrl(query.toString())));
      expect(ownAccount.status, kind).toBe(200);
      expect(await ownAccount.text(), kind).toMatch(/^\uFEFF?Session,/);
      query.set('accountId', value);
      expect((await exportRoute.GET(new Request(exportUrl(query.toString())))).status, kind).toBe(403);
    }
    const repeated = await exportRoute.GET(new Request(exportUrl(`accountId=${target.account.id}&accountId=x&page=2&page=-1&from=2026-01-01&from=0000-01-01`)));
    expect(repeated.status).toBe(200);
    await repeated.arrayBuffer();
  });
});

describe('the live event stream', () => {
  const notify = (accountId: string, chargerId: string) => sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, ${JSON.stringify({ accountId, chargerId, kind: 'status' })})`;
  const OWN_MARKER = '00000000-0000-4000-8000-0000000000aa';
  // Notifications arrive in order: once the event of the user's own account is through, the
  // other account's event sent before it would have been too.
  async function forbiddenThenOwn(reader: ReadableStreamDefaultReader<Uint8Array>, other: TargetAccount, ownAccountId: string) {
    await notify(other.account.id, other.charger.id);
    await notify(ownAccountId, OWN_MARKER);
    return readUntil(reader, OWN_MARKER);
  }

  it("stops carrying an account's events to a member removed while connected, from the next keep-alive", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const watched = await makeTargetAccount(db);
    const ownAccount = await makeAccount(db, { owner: watched.member });
    signInAs(watched.member);
    const abort = new AbortController();
    const reader = (await eventsRoute.GET(new Request('http://localhost/api/events', { signal: abort.signal }))).body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');
    await notify(watched.account.id, watched.charger.id);
    expect(await readUntil(reader, watched.charger.id)).toContain(watched.charger.id);

    await removeMembership(db, { accountId: watched.account.id, userId: watched.member.id });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await readUntil(reader, ': keep-alive')).toContain(': keep-alive');
    const after = await forbiddenThenOwn(reader, watched, ownAccount.id);
    abort.abort();
    expect(after).toContain(OWN_MARKER);
    expect(after).not.toContain(watched.charger.id);
  });

  it('never carries the events of an account the user was removed from to a new stream', async () => {
    signInAs(removed);
    const abort = new AbortController();
    const reader = (await eventsRoute.GET(new Request('http://localhost/api/events', { signal: abort.signal }))).body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');
    const received = await forbiddenThenOwn(reader, target, removedOwnAccountId);
    abort.abort();
    expect(received).toContain(OWN_MARKER);
    expect(received).not.toContain(target.charger.id);
  });
});

describe('the local mailbox', () => {
  it('is not served in production once RESEND_API_KEY is set, even with LOCAL_MAILBOX=1', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('LOCAL_MAILBOX', '1');
    vi.stubEnv('RESEND_API_KEY', 're_live_key');
    const [email] = await sql`insert into outbox_emails ("to", subject, html, text) values ('someone@example.test', 'Reset', '<p>token</p>', 'token') returning id`;
    const { default: MailboxPage } = await import('@/app/(public)/mailbox/page');
    const { default: MailboxEmailPage } = await import('@/app/(public)/mailbox/[id]/page');
    await expect(MailboxPage()).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    await expect(MailboxEmailPage({ params: Promise.resolve({ id: String(email!.id) }) } as Parameters<typeof MailboxEmailPage>[0])).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });

  it('is not served in production without LOCAL_MAILBOX=1', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('LOCAL_MAILBOX', '');
    const { default: MailboxPage } = await import('@/app/(public)/mailbox/page');
    await expect(MailboxPage()).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});
