import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { CHARGER_EVENTS_CHANNEL } from '@/domain/charging/charger-events';
import { readUntil } from '../support/event-stream';
import { signInAs } from '../support/fake-auth';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
const { GET } = await import('@/app/api/events/route');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

describe('the live event stream', () => {
  it('refuses a visitor without a session', async () => {
    signInAs(null);
    expect((await GET(new Request('http://localhost/api/events'))).status).toBe(401);
  });

  it("carries the events of the user's own accounts and never another account's", async () => {
    const user = await makeUser(db, { emailVerifiedAt: new Date() });
    const own = await makeAccount(db, { owner: user });
    const other = await makeAccount(db);
    const mine = await makeCharger(db, { accountId: own.id });
    const theirs = await makeCharger(db, { accountId: other.id });
    signInAs(user);

    const abort = new AbortController();
    const response = await GET(new Request('http://localhost/api/events', { signal: abort.signal }));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');

    const notify = (accountId: string, chargerId: string) =>
      sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, ${JSON.stringify({ accountId, chargerId, kind: 'status' })})`;
    await notify(other.id, theirs.id);
    await notify(own.id, mine.id);
    const received = await readUntil(reader, mine.id);
    abort.abort();

    expect(received).toContain(mine.id);
    expect(received).not.toContain(theirs.id);
  });

  it('a stream the browser leaves before it is ready holds nothing afterwards (no listener, no keep-alive writing into it)', async () => {
    const user = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: user });
    signInAs(user);
    const warmUp = await GET(new Request('http://localhost/api/events'));
    await warmUp.body!.cancel();
    const listeners = (globalThis as unknown as { chargewatchHub: { listeners: Set<unknown> } }).chargewatchHub.listeners;
    const before = listeners.size;

    const response = await GET(new Request('http://localhost/api/events'));
    await response.body!.cancel();
    // The stream's start finishes after the cancel: the hub is already listening, so within a few turns.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listeners.size).toBe(before);
  });
});
