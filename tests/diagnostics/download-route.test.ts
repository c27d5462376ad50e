import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { storeDiagnosticsFile } from '@/domain/data/diagnostics';
import { signInAs } from '../support/fake-auth';
import { diagnosticsFixture } from './fixture';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { GET } = await import('@/app/(app)/chargers/[chargerId]/diagnostics/[requestId]/route');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

let fixture: Awaited<ReturnType<typeof diagnosticsFixture>>;
beforeAll(async () => {
  fixture = await diagnosticsFixture(db);
  const file = { fileName: 'Ladestation – log.txt', contentType: 'text/html', content: Buffer.from('<script>not run</script>\n') };
  expect((await storeDiagnosticsFile(db, { requestId: fixture.request.id, file })).ok).toBe(true);
});

const download = (chargerId: string, requestId: string) =>
  GET(new Request(`http://localhost/chargers/${chargerId}/diagnostics/${requestId}`), { params: Promise.resolve({ chargerId, requestId }) });

describe('the diagnostics download route', () => {
  it("gives the file to a member of the charger's account, as an attachment that is never rendered", async () => {
    const member = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: fixture.account.id, userId: member.id, role: 'member' });
    for (const user of [fixture.owner, member]) {
      signInAs(user);
      const response = await download(fixture.charger.id, fixture.request.id);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<script>not run</script>\n');
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Ladestation _ log.txt"; filename*=UTF-8''Ladestation%20%E2%80%93%20log.txt`);
    }
  });

  it('is not found for another account, without a session, or under another charger', async () => {
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    const strangersAccount = await makeAccount(db, { owner: stranger });
    signInAs(stranger);
    expect((await download(fixture.charger.id, fixture.request.id)).status).toBe(404);
    signInAs(null);
    expect((await download(fixture.charger.id, fixture.request.id)).status).toBe(404);

    signInAs(fixture.owner);
    const otherCharger = await makeCharger(db, { accountId: fixture.account.id });
    expect((await download(otherCharger.id, fixture.request.id)).status).toBe(404);
    const strangersCharger = await makeCharger(db, { accountId: strangersAccount.id });
    expect((await download(strangersCharger.id, fixture.request.id)).status).toBe(404);
    expect((await download(fixture.charger.id, 'not-a-uuid')).status).toBe(404);
  });
});
