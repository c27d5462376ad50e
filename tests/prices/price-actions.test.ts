import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts, dayAheadPrices, memberships, personalPrices, tariffs } from '@/db/schema';
import { makeAccount, makeCard, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { setPriceAction } = await import('@/app/(app)/sessions/tariff/actions');
const { setPersonalPriceAction } = await import('@/app/(app)/sessions/tariff/person-actions');
const { setTimeZoneAction } = await import('@/app/(app)/sessions/tariff/zone-actions');
const { importDayAheadAction } = await import('@/app/(app)/sessions/tariff/day-ahead-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const idle = { status: 'idle' } as const;
let setup: Awaited<ReturnType<typeof arrange>>;

async function arrange() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const driver = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });
  const card = await makeCard(db, { accountId: account.id, userId: driver.id });
  return { owner, driver, account, card };
}

beforeAll(async () => {
  setup = await arrange();
});

const rows = (periods: [days: string, from: number, to: number, price: string][]) =>
  Object.fromEntries(periods.flatMap(([days, from, to, price], i) => [[`days-${i}`, days], [`fromHour-${i}`, String(from)], [`toHour-${i}`, String(to)], [`price-${i}`, price]]));
const tariffRows = () => db.select().from(tariffs).where(eq(tariffs.accountId, setup.account.id));

describe('the prices page’s actions', () => {
  it('saves time-of-use periods covering every hour, and refuses an overlap or a gap next to the row, storing nothing', async () => {
    signInAs(setup.owner);
    const base = { accountId: setup.account.id, chargerId: '', kind: 'timeOfUse', currency: 'EUR' };
    const overlap = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 0, 8, '0.1'], ['weekdays', 7, 24, '0.3'], ['weekend', 8, 24, '0.2']]) }));
    expect(overlap).toMatchObject({ status: 'error', fieldErrors: { 'row-1': ['periodOverlaps'] } });
    const gap = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 0, 8, '0.1'], ['weekdays', 8, 24, '0.3']]) }));
    expect(gap).toMatchObject({ status: 'error', fieldErrors: { periods: ['periodsGap'] } });
    const badPrice = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 0, 24, 'cheap']]) }));
    expect(badPrice).toMatchObject({ status: 'error', fieldErrors: { 'price-0': ['priceInvalid'] } });
    expect(await tariffRows()).toEqual([]);

    const saved = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 0, 7, '0,1'], ['everyDay', 7, 24, '0.3']]) }));
    expect(saved).toEqual({ status: 'ok', data: null });
    expect((await tariffRows()).map((row) => [row.kind, row.pricePerKwh, row.currency, row.periods])).toEqual([
      [
        'timeOfUse',
        null,
        'EUR',
        [
          { days: 'everyDay', fromHour: 0, toHour: 7, fromMonth: null, toMonth: null, pricePerKwh: '0.1' },
          { days: 'everyDay', fromHour: 7, toHour: 24, fromMonth: null, toMonth: null, pricePerKwh: '0.3' },
        ],
      ],
    ]);
  });

  it('saves a night period across midnight, and names a period that starts and ends at one hour once, next to it', async () => {
    const other = await arrange();
    signInAs(other.owner);
    const base = { accountId: other.account.id, chargerId: '', kind: 'timeOfUse', currency: 'EUR' };
    const same = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 22, 6, '0.1'], ['everyDay', 6, 6, '0.3']]) }));
    expect(same).toMatchObject({ status: 'error', fieldErrors: { 'hours-1': ['periodHoursInvalid'] } });
    const saved = await setPriceAction(idle, formData({ ...base, ...rows([['everyDay', 22, 6, '0.1'], ['everyDay', 6, 22, '0.3']]) }));
    expect(saved).toEqual({ status: 'ok', data: null });
    const [row] = await db.select().from(tariffs).where(eq(tariffs.accountId, other.account.id));
    expect(row!.periods![0]).toMatchObject({ fromHour: 22, toHour: 6, pricePerKwh: '0.1' });
  });

  it('sets a member’s and a card’s own price, and the account’s time zone', async () => {
    signInAs(setup.owner);
    expect(await setPersonalPriceAction(idle, formData({ accountId: setup.account.id, userId: setup.driver.id, pricePerKwh: '0', currency: 'EUR' }))).toEqual({ status: 'ok', data: null });
    expect(await setPersonalPriceAction(idle, formData({ accountId: setup.account.id, cardId: setup.card.id, pricePerKwh: '0.42', currency: 'EUR' }))).toEqual({ status: 'ok', data: null });
    const own = await db.select().from(personalPrices).where(eq(personalPrices.accountId, setup.account.id)).orderBy(personalPrices.id);
    expect(own.map((row) => [row.userId, row.cardId, row.pricePerKwh])).toEqual([
      [setup.driver.id, null, '0.0000'],
      [null, setup.card.id, '0.4200'],
    ]);
    expect(await setTimeZoneAction(idle, formData({ accountId: setup.account.id, timeZone: 'Mars/Olympus' }))).toMatchObject({ fieldErrors: { timeZone: ['timeZoneInvalid'] } });
    expect(await setTimeZoneAction(idle, formData({ accountId: setup.account.id, timeZone: 'Europe/Vilnius' }))).toEqual({ status: 'ok', data: null });
    const [account] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, setup.account.id));
    expect(account!.timeZone).toBe('Europe/Vilnius');
  });

  it('imports a day-ahead file and tells what it read; a bad line is named and nothing is stored', async () => {
    signInAs(setup.owner);
    const upload = (text: string, name: string) => {
      const form = formData({ accountId: setup.account.id });
      form.set('file', new File([text], name));
      return importDayAheadAction(idle, form);
    };
    const bad = await upload('start,price\n2026-12-04T00:00:00Z,0.1\n2026-12-04T01:00:00Z,0.1.2\n', 'prices.csv');
    expect(bad).toMatchObject({ status: 'error', fieldErrors: { file: ['dayAheadPrice'] }, fieldErrorValues: { line: 3 } });
    expect(await db.select().from(dayAheadPrices).where(eq(dayAheadPrices.accountId, setup.account.id))).toEqual([]);

    const good = await upload('[{"start":"2026-12-04T00:00:00Z","price":0.1},{"start":"2026-12-04T01:00:00Z","price":"0.25"}]', 'prices.json');
    expect(good).toEqual({ status: 'ok', data: { hours: 2, first: '2026-12-04T00:00:00.000Z', last: '2026-12-04T01:00:00.000Z', min: 0.1, max: 0.25 } });
    expect(await db.select().from(dayAheadPrices).where(eq(dayAheadPrices.accountId, setup.account.id))).toHaveLength(2);
  });

  it('refuses a driver: drivers and guests never change prices', async () => {
    signInAs(setup.driver);
    const attempt = await setPersonalPriceAction(idle, formData({ accountId: setup.account.id, userId: setup.driver.id, pricePerKwh: '0', currency: 'EUR' }));
    expect(attempt).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
    const price = await setPriceAction(idle, formData({ accountId: setup.account.id, chargerId: '', kind: 'fixed', pricePerKwh: '0', currency: 'EUR' }));
    expect(price).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
  });
});
