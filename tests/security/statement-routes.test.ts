// The statement downloads (CSV and PDF) tried by the account's owner, a driver of it, a member of another account and
// with hostile query strings: each reads only what its role may, and a refusal is a 404 that says nothing more.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { addCostedSession, statementsFixture } from '../statements/builders';
import { pdfText } from '../statements/pdf-text';
import { HOSTILE_TEXT } from './hostile-input';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
const cookieJar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getLocale: async () => 'de' }));

const csvRoute = await import('@/app/(app)/statements/[holder]/statement.csv/route');
const pdfRoute = await import('@/app/(app)/statements/[holder]/statement.pdf/route');
const { CURRENT_ACCOUNT_COOKIE } = await import('@/lib/authz');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());
afterEach(() => cookieJar.clear());

let f: Awaited<ReturnType<typeof statementsFixture>>;
beforeAll(async () => {
  f = await statementsFixture(db);
  await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, userId: f.driver.id, cardId: f.driverCard.id, lines: [{ startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T07:00:00Z', energyWh: 4_000, cost: '1.10' }] });
  await addCostedSession(db, { accountId: f.account.id, chargerId: f.charger.id, cardId: f.poolCard.id, lines: [{ startsAt: '2026-03-11T06:00:00Z', endsAt: '2026-03-11T07:00:00Z', energyWh: 2_000, cost: '0.50' }] });
});

type Route = { GET: (request: Request, context: { params: Promise<{ holder: string }> }) => Promise<Response> };
const get = (route: Route, holder: string, query = 'month=2026-03') =>
  route.GET(new Request(`http://localhost/statements/${holder}/statement?${query}`), { params: Promise.resolve({ holder }) });

describe('the statement downloads', () => {
  it('give a driver their own statement as CSV and PDF, and nothing of anyone else', async () => {
    signInAs(f.driver);
    cookieJar.set(CURRENT_ACCOUNT_COOKIE, f.account.id);
    const csv = await get(csvRoute, `user-${f.driver.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('abrechnung-2026-03.csv');
    const text = await csv.text();
    expect(text).toContain('Gedimino pr. 1');
    expect(text).toContain('1.10,EUR');
    const pdf = await get(pdfRoute, `user-${f.driver.id}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' ')).toContain('Summe: 1,10 €');
    expect((await get(csvRoute, `card-${f.poolCard.id}`)).status).toBe(404);
    expect((await get(pdfRoute, `user-${f.owner.id}`)).status).toBe(404);
  });

  it('give the owner any holder of the account, and a stranger nothing of it', async () => {
    signInAs(f.owner);
    cookieJar.set(CURRENT_ACCOUNT_COOKIE, f.account.id);
    expect(await (await get(csvRoute, `card-${f.poolCard.id}`)).text()).toContain('0.50,EUR');
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: stranger });
    signInAs(stranger);
    cookieJar.set(CURRENT_ACCOUNT_COOKIE, f.account.id);
    expect((await get(csvRoute, `user-${f.driver.id}`)).status).toBe(404);
    expect((await get(pdfRoute, `card-${f.poolCard.id}`)).status).toBe(404);
  });

  it('answer hostile holders and periods with a 404, never an error', async () => {
    signInAs(f.owner);
    cookieJar.set(CURRENT_ACCOUNT_COOKIE, f.account.id);
    await db.update(accounts).set({ timeZone: 'Europe/Vilnius' }).where(eq(accounts.id, f.account.id));
    for (const value of Object.values(HOSTILE_TEXT)) {
      expect((await get(csvRoute, value)).status).toBe(404);
      for (const name of ['month', 'from', 'to']) {
        const status = (await get(pdfRoute, `user-${f.driver.id}`, new URLSearchParams({ [name]: value }).toString())).status;
        expect([200, 404]).toContain(status);
      }
    }
    expect((await get(csvRoute, `user-${f.driver.id}`, 'from=2026-03-10&to=2025-03-01')).status).toBe(404);
  });
});
