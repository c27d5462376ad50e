// A member charged in two currencies in one month has two issued statements: each downloads on its own (its sessions,
// its amount, its transfer reference), and a download that names none never passes one off as the month's.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { outboxEmails, statements, users } from '@/db/schema';
import { emailIssuedStatements } from '@/domain/statements/email-statements';
import { issueMonthlyStatements } from '@/domain/statements/monthly-issue';
import { createLogger } from '@/ocpp-server/src/logger';
import { signInAs } from '../support/fake-auth';
import { addCostedSession, statementsFixture } from './builders';
import { pdfText } from './pdf-text';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
const cookieJar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getLocale: async () => 'en' }));

const csvRoute = await import('@/app/(app)/statements/[holder]/statement.csv/route');
const pdfRoute = await import('@/app/(app)/statements/[holder]/statement.pdf/route');
const { CURRENT_ACCOUNT_COOKIE } = await import('@/lib/authz');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

type Route = { GET: (request: Request, context: { params: Promise<{ holder: string }> }) => Promise<Response> };
const get = (route: Route, holder: string, query: string) => route.GET(new Request(`http://localhost/statements/${holder}/statement?${query}`), { params: Promise.resolve({ holder }) });
const pdfOf = async (response: Response) => (await pdfText(new Uint8Array(await response.arrayBuffer()))).text.replace(/\s+/g, ' ');

let f: Awaited<ReturnType<typeof statementsFixture>>;
let eur: typeof statements.$inferSelect;
let pln: typeof statements.$inferSelect;
beforeAll(async () => {
  f = await statementsFixture(db);
  const scope = { accountId: f.account.id, chargerId: f.charger.id, userId: f.driver.id };
  await addCostedSession(db, { ...scope, currency: 'EUR', lines: [{ startsAt: '2026-02-03T06:00:00Z', endsAt: '2026-02-03T07:00:00Z', energyWh: 4_000, cost: '1.10' }] });
  await addCostedSession(db, { ...scope, currency: 'PLN', lines: [{ startsAt: '2026-02-20T06:00:00Z', endsAt: '2026-02-20T07:00:00Z', energyWh: 5_000, cost: '6.05' }] });
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, f.driver.id));
  await issueMonthlyStatements(db, { now: new Date('2026-03-01T12:00:00Z'), log: createLogger('silent') });
  const issued = await db.select().from(statements).where(and(eq(statements.accountId, f.account.id), eq(statements.userId, f.driver.id)));
  eur = issued.find((s) => s.currency === 'EUR')!;
  pln = issued.find((s) => s.currency === 'PLN')!;
  signInAs(f.driver);
  cookieJar.set(CURRENT_ACCOUNT_COOKIE, f.account.id);
});

describe('the downloads of a month issued in two currencies', () => {
  it('give each issued statement with only its own sessions, amount and transfer reference', async () => {
    const holder = `user-${f.driver.id}`;
    for (const [mine, other] of [
      [eur, pln],
      [pln, eur],
    ] as const) {
      const query = `month=2026-02&statement=${mine.id}`;
      const csv = await (await get(csvRoute, holder, query)).text();
      expect(csv).toContain(`${mine.amount},${mine.currency}`);
      expect(csv).not.toContain(`,${other.currency}`);
      const pdf = await pdfOf(await get(pdfRoute, holder, query));
      expect(pdf).toContain(mine.transferReference);
      expect(pdf).not.toContain(other.transferReference);
    }
  });

  it('name no transfer reference when no statement is chosen, rather than one of the two', async () => {
    const pdf = await pdfOf(await get(pdfRoute, `user-${f.driver.id}`, 'month=2026-02'));
    expect(pdf).not.toContain(eur.transferReference);
    expect(pdf).not.toContain(pln.transferReference);
  });

  it('refuse with a 404 a statement of another month, of another holder, or one that is no id', async () => {
    const holder = `user-${f.driver.id}`;
    expect((await get(pdfRoute, holder, `month=2026-03&statement=${eur.id}`)).status).toBe(404);
    expect((await get(csvRoute, holder, `from=2026-02-01&to=2026-02-28&statement=${eur.id}`)).status).toBe(404);
    expect((await get(csvRoute, holder, 'month=2026-02&statement=not-an-id')).status).toBe(404);
    signInAs(f.owner);
    expect((await get(csvRoute, `user-${f.owner.id}`, `month=2026-02&statement=${eur.id}`)).status).toBe(404);
    signInAs(f.driver);
  });
});

describe('the e-mails of a month issued in two currencies', () => {
  it('tell each statement with its own sessions and energy, not the whole month under one reference', async () => {
    await emailIssuedStatements({ db, log: createLogger('silent') });
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, f.driver.email));
    const textOf = (reference: string) => mails.find((mail) => mail.text.includes(reference))!.text.replace(/\s+/g, ' ');
    expect(textOf(eur.transferReference)).toContain('1 session, 4.00 kWh');
    expect(textOf(pln.transferReference)).toContain('1 session, 5.00 kWh');
  });
});
