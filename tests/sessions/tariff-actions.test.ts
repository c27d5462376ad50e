import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { memberships, tariffs } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { listCurrentTariffs } from '@/domain/data/tariffs';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));
const { clearTariffAction, setPriceAction } = await import('@/app/(app)/sessions/tariff/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const idle = { status: 'idle' } as const;
let setup: Awaited<ReturnType<typeof arrange>>;

async function arrange() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const member = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
  const charger = await makeCharger(db, { accountId: account.id });
  const strangerOwner = await makeUser(db, { emailVerifiedAt: new Date() });
  const stranger = await makeAccount(db, { owner: strangerOwner });
  const strangerCharger = await makeCharger(db, { accountId: stranger.id });
  return { owner, member, account, charger, stranger, strangerOwner, strangerCharger };
}

beforeAll(async () => {
  setup = await arrange();
});

const rowsOf = (accountId: string) => db.select().from(tariffs).where(eq(tariffs.accountId, accountId)).orderBy(tariffs.id);

describe('tariff settings', () => {
  it('lets any member set the account price and a charger override, appending history', async () => {
    signInAs(setup.member);
    const base = { accountId: setup.account.id, kind: 'fixed', currency: 'EUR' };
    expect(await setPriceAction(idle, formData({ ...base, chargerId: '', pricePerKwh: '0,25' }))).toEqual({ status: 'ok', data: null });
    expect(await setPriceAction(idle, formData({ ...base, chargerId: '', pricePerKwh: '0.3' }))).toEqual({ status: 'ok', data: null });
    expect(await setPriceAction(idle, formData({ ...base, chargerId: setup.charger.id, pricePerKwh: '0.4125', currency: 'DKK' }))).toEqual({ status: 'ok', data: null });
    const rows = await rowsOf(setup.account.id);
    expect(rows.map((row) => [row.chargerId, row.pricePerKwh, row.currency, row.createdBy])).toEqual([
      [null, '0.2500', 'EUR', setup.member.id],
      [null, '0.3000', 'EUR', setup.member.id],
      [setup.charger.id, '0.4125', 'DKK', setup.member.id],
    ]);
    expect((await listCurrentTariffs(db, { accountId: setup.account.id })).chargers.get(setup.charger.id)).toMatchObject({ pricePerKwh: '0.4125', currency: 'DKK' });

    expect(await clearTariffAction(idle, formData({ accountId: setup.account.id, chargerId: setup.charger.id }))).toEqual({ status: 'ok', data: null });
    const afterClear = await listCurrentTariffs(db, { accountId: setup.account.id });
    expect(afterClear.chargers.has(setup.charger.id)).toBe(false);
    expect(afterClear.account).toMatchObject({ pricePerKwh: '0.3000' });
    expect(await rowsOf(setup.account.id)).toHaveLength(4);
  });

  it('rejects a negative price, more than 4 decimals and an unknown currency, writing nothing', async () => {
    signInAs(setup.owner);
    const before = (await rowsOf(setup.account.id)).length;
    const attempt = (pricePerKwh: string, currency = 'EUR') => setPriceAction(idle, formData({ accountId: setup.account.id, kind: 'fixed', chargerId: '', pricePerKwh, currency }));
    expect(await attempt('-1')).toMatchObject({ status: 'error', fieldErrors: { pricePerKwh: ['priceInvalid'] } });
    expect(await attempt('0.12345')).toMatchObject({ status: 'error', fieldErrors: { pricePerKwh: ['priceInvalid'] } });
    expect(await attempt('')).toMatchObject({ status: 'error', fieldErrors: { pricePerKwh: ['required'] } });
    expect(await attempt('0.2', 'XYZ')).toMatchObject({ status: 'error', fieldErrors: { currency: ['currencyInvalid'] } });
    expect(await rowsOf(setup.account.id)).toHaveLength(before);
  });

  it('refuses a member of another account, and a charger of another account', async () => {
    signInAs(setup.strangerOwner);
    const intrusion = { accountId: setup.account.id, kind: 'fixed', chargerId: '', pricePerKwh: '9', currency: 'EUR' };
    expect(await setPriceAction(idle, formData(intrusion))).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await clearTariffAction(idle, formData(intrusion))).toMatchObject({ status: 'error', formError: 'forbidden' });
    signInAs(setup.owner);
    const foreignCharger = { accountId: setup.account.id, kind: 'fixed', chargerId: setup.strangerCharger.id, pricePerKwh: '9', currency: 'EUR' };
    expect(await setPriceAction(idle, formData(foreignCharger))).toMatchObject({ status: 'error', formError: 'notFound' });
    expect(await rowsOf(setup.stranger.id)).toEqual([]);
    expect((await rowsOf(setup.account.id)).some((row) => row.pricePerKwh === '9.0000')).toBe(false);
  });
});
