import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { accounts, dayAheadPrices, personalPrices, sessionCostLines, tariffs, transactions, type TimeOfUsePeriod } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { startTransaction } from '@/domain/data/charger-traffic/transactions';
import { stopTransaction } from '@/domain/data/charger-traffic/stops';
import type { MeterSample } from '@/domain/data/charger-traffic/meter-values';
import { testDb } from '@/ocpp-server/test/helpers';

const { db, sql } = testDb();
afterAll(() => sql.end());

async function fixture(timeZone = 'UTC') {
  const account = await makeAccount(db);
  await db.update(accounts).set({ timeZone }).where(eq(accounts.id, account.id));
  const charger = await makeCharger(db, { accountId: account.id });
  return { account, charger, ref: { chargerId: charger.id, accountId: account.id } };
}

type Ref = { chargerId: string; accountId: string };
type Reading = [iso: string, wh: number];

const sample = ([iso, wh]: Reading): MeterSample => ({
  sampledAt: new Date(iso),
  measurand: 'Energy.Active.Import.Register',
  phase: null,
  unit: 'Wh',
  context: 'Sample.Periodic',
  location: null,
  value: String(wh),
  numericValue: wh,
});

// A charger's whole session: StartTransaction with the first reading, StopTransaction with the last, and the
// readings between in its transactionData.
async function charge(ref: Ref, readings: Reading[], idTag = 'NOCARD') {
  const [first, ...rest] = readings;
  const last = rest.at(-1)!;
  const { transactionId } = await startTransaction(db, ref, { connectorId: 1, idTag, meterStartWh: first![1], startedAt: new Date(first![0]), reservationId: null });
  const result = await stopTransaction(db, ref, {
    transactionId,
    meterStopWh: last[1],
    stoppedAt: new Date(last[0]),
    reason: 'Local',
    idTag: null,
    samples: rest.slice(0, -1).map(sample),
  });
  expect(result.outcome).toBe('stopped');
  return transactionId;
}

async function linesOf(transactionId: number) {
  const rows = await db.select().from(sessionCostLines).where(eq(sessionCostLines.transactionId, transactionId)).orderBy(asc(sessionCostLines.startsAt));
  return rows.map((row) => ({
    from: row.startsAt.toISOString(),
    to: row.endsAt.toISOString(),
    energyWh: row.energyWh,
    price: row.pricePerKwh,
    cost: row.cost,
    basis: row.basis,
  }));
}

async function costOf(transactionId: number) {
  const [row] = await db
    .select({ energyWh: transactions.energyWh, cost: transactions.cost, currency: transactions.currency, pricePerKwh: transactions.pricePerKwh })
    .from(transactions)
    .where(eq(transactions.id, transactionId));
  return row!;
}

const period = (days: TimeOfUsePeriod['days'], fromHour: number, toHour: number, pricePerKwh: string): TimeOfUsePeriod => ({
  days,
  fromHour,
  toHour,
  fromMonth: null,
  toMonth: null,
  pricePerKwh,
});

const WORKDAY_PRICES = [period('weekdays', 0, 7, '0.1000'), period('weekdays', 7, 17, '0.3000'), period('weekdays', 17, 24, '0.2000'), period('weekend', 0, 24, '0.1500')];

describe('a closed session’s cost', () => {
  it('is the exact sum, to the cent, of its intervals over three time-of-use periods, an interval crossing a change split by time', async () => {
    const { account, ref } = await fixture('Europe/Berlin');
    await db.insert(tariffs).values({ accountId: account.id, kind: 'timeOfUse', periods: WORKDAY_PRICES, currency: 'EUR', validFrom: new Date('2026-01-01T00:00:00Z') });
    // Tuesday 10 March 2026, Berlin is UTC+1: 06:30 to 18:30 local.
    const id = await charge(ref, [
      ['2026-03-10T05:30:00Z', 10_000],
      ['2026-03-10T06:30:00Z', 11_000], // 1,000 Wh over 06:30–07:30 local: half before 07:00
      ['2026-03-10T15:30:00Z', 38_000],
      ['2026-03-10T17:30:00Z', 44_000], // 6,000 Wh over 16:30–18:30 local: a quarter before 17:00
    ]);
    expect(await linesOf(id)).toEqual([
      { from: '2026-03-10T05:30:00.000Z', to: '2026-03-10T06:00:00.000Z', energyWh: 500, price: '0.1000', cost: '0.05', basis: 'timeOfUse' },
      { from: '2026-03-10T06:00:00.000Z', to: '2026-03-10T16:00:00.000Z', energyWh: 29_000, price: '0.3000', cost: '8.70', basis: 'timeOfUse' },
      { from: '2026-03-10T16:00:00.000Z', to: '2026-03-10T17:30:00.000Z', energyWh: 4_500, price: '0.2000', cost: '0.90', basis: 'timeOfUse' },
    ]);
    expect(await costOf(id)).toEqual({ energyWh: 34_000, cost: '9.6500', currency: 'EUR', pricePerKwh: null });
  });

  it('prices a night period across midnight (22 to 6) to the cent, on both sides of the midnight', async () => {
    const { account, ref } = await fixture('Europe/Vilnius');
    const night = [period('everyDay', 22, 6, '0.1234'), period('everyDay', 6, 22, '0.3000')];
    await db.insert(tariffs).values({ accountId: account.id, kind: 'timeOfUse', periods: night, currency: 'EUR', validFrom: new Date('2026-01-01T00:00:00Z') });
    // Tuesday 13 January 2026, Vilnius is UTC+2: 21:00 to 07:00 local, 2,000 Wh an hour until 05:00, then 1,500.
    const id = await charge(ref, [
      ['2026-01-13T19:00:00Z', 0],
      ['2026-01-13T21:00:00Z', 4_000],
      ['2026-01-14T03:00:00Z', 16_000],
      ['2026-01-14T05:00:00Z', 19_000],
    ]);
    expect(await linesOf(id)).toEqual([
      { from: '2026-01-13T19:00:00.000Z', to: '2026-01-13T20:00:00.000Z', energyWh: 2_000, price: '0.3000', cost: '0.60', basis: 'timeOfUse' },
      { from: '2026-01-13T20:00:00.000Z', to: '2026-01-13T22:00:00.000Z', energyWh: 4_000, price: '0.1234', cost: '0.49', basis: 'timeOfUse' },
      { from: '2026-01-13T22:00:00.000Z', to: '2026-01-14T04:00:00.000Z', energyWh: 11_500, price: '0.1234', cost: '1.42', basis: 'timeOfUse' },
      { from: '2026-01-14T04:00:00.000Z', to: '2026-01-14T05:00:00.000Z', energyWh: 1_500, price: '0.3000', cost: '0.45', basis: 'timeOfUse' },
    ]);
    expect(await costOf(id)).toEqual({ energyWh: 19_000, cost: '2.9600', currency: 'EUR', pricePerKwh: null });
  });

  it('rounds each line half-up to the cent, and the session is the sum of its rounded lines', async () => {
    const { account, ref } = await fixture();
    await db.insert(tariffs).values([
      { accountId: account.id, pricePerKwh: '0.2345', currency: 'EUR', validFrom: new Date('2026-02-01T00:00:00Z') },
      { accountId: account.id, pricePerKwh: '0.3335', currency: 'EUR', validFrom: new Date('2026-02-02T10:00:00Z') },
    ]);
    const id = await charge(ref, [
      ['2026-02-02T09:00:00Z', 0],
      ['2026-02-02T10:00:00Z', 1_100], // 1,100 × 0.2345 = 0.25795 → 0.26
      ['2026-02-02T11:00:00Z', 2_600], // 1,500 × 0.3335 = 0.50025 → 0.50
    ]);
    expect((await linesOf(id)).map((line) => [line.energyWh, line.cost, line.basis])).toEqual([
      [1_100, '0.26', 'fixed'],
      [1_500, '0.50', 'fixed'],
    ]);
    expect((await costOf(id)).cost).toBe('0.7600');
  });

  it('is never rewritten by a price change after it, nor by the charger resending its stop', async () => {
    const { account, ref } = await fixture();
    await db.insert(tariffs).values({ accountId: account.id, pricePerKwh: '0.2500', currency: 'EUR', validFrom: new Date('2026-04-01T00:00:00Z') });
    const readings: Reading[] = [
      ['2026-04-02T08:00:00Z', 1_000],
      ['2026-04-02T09:00:00Z', 9_000],
    ];
    const id = await charge(ref, readings);
    const before = await linesOf(id);
    expect(before).toEqual([{ from: '2026-04-02T08:00:00.000Z', to: '2026-04-02T09:00:00.000Z', energyWh: 8_000, price: '0.2500', cost: '2.00', basis: 'fixed' }]);

    await db.insert(tariffs).values([
      { accountId: account.id, pricePerKwh: '0.9000', currency: 'EUR', validFrom: new Date('2026-04-02T08:30:00Z') },
      { accountId: account.id, pricePerKwh: '1.9000', currency: 'EUR' },
    ]);
    const again = await stopTransaction(db, ref, { transactionId: id, meterStopWh: 99_000, stoppedAt: new Date('2026-04-02T10:00:00Z'), reason: null, idTag: null, samples: [] });
    expect(again.outcome).toBe('already-stopped');
    expect(await linesOf(id)).toEqual(before);
    expect(await costOf(id)).toEqual({ energyWh: 8_000, cost: '2.0000', currency: 'EUR', pricePerKwh: '0.2500' });
  });

  it('is split at the account’s local midnight, and at a month end, so each day and month takes its part', async () => {
    const { account, ref } = await fixture('Europe/Vilnius');
    await db.insert(tariffs).values({ accountId: account.id, pricePerKwh: '0.2000', currency: 'EUR', validFrom: new Date('2026-01-01T00:00:00Z') });
    // 31 January 23:00 to 1 February 01:00 in Vilnius (UTC+2), a steady 3,000 Wh an hour.
    const id = await charge(ref, [
      ['2026-01-31T21:00:00Z', 0],
      ['2026-01-31T23:00:00Z', 6_000],
    ]);
    expect(await linesOf(id)).toEqual([
      { from: '2026-01-31T21:00:00.000Z', to: '2026-01-31T22:00:00.000Z', energyWh: 3_000, price: '0.2000', cost: '0.60', basis: 'fixed' },
      { from: '2026-01-31T22:00:00.000Z', to: '2026-01-31T23:00:00.000Z', energyWh: 3_000, price: '0.2000', cost: '0.60', basis: 'fixed' },
    ]);
    // One price all along: the session keeps it.
    expect(await costOf(id)).toEqual({ energyWh: 6_000, cost: '1.2000', currency: 'EUR', pricePerKwh: '0.2000' });
  });

  it('takes a person’s own price over the charger’s and the account’s, and a card’s over its member’s', async () => {
    const { account, charger, ref } = await fixture();
    const member = await makeUser(db);
    const tenantCard = await makeCard(db, { accountId: account.id, userId: member.id });
    const otherCard = await makeCard(db, { accountId: account.id, userId: member.id });
    const since = new Date('2026-05-01T00:00:00Z');
    await db.insert(tariffs).values([
      { accountId: account.id, pricePerKwh: '0.2000', currency: 'EUR', validFrom: since },
      { accountId: account.id, chargerId: charger.id, pricePerKwh: '0.3000', currency: 'EUR', validFrom: since },
    ]);
    await db.insert(personalPrices).values([
      { accountId: account.id, userId: member.id, pricePerKwh: '0.0000', currency: 'EUR', validFrom: since },
      { accountId: account.id, cardId: tenantCard.id, pricePerKwh: '0.4000', currency: 'EUR', validFrom: since },
    ]);
    const onTenantCard = await charge(ref, [['2026-05-02T10:00:00Z', 0], ['2026-05-02T10:30:00Z', 5_000]], tenantCard.idTag);
    const onMemberCard = await charge(ref, [['2026-05-02T11:00:00Z', 5_000], ['2026-05-02T11:30:00Z', 10_000]], otherCard.idTag);
    const unknownTag = await charge(ref, [['2026-05-02T12:00:00Z', 10_000], ['2026-05-02T12:30:00Z', 15_000]]);
    expect(await costOf(onTenantCard)).toMatchObject({ cost: '2.0000', pricePerKwh: '0.4000' });
    expect(await costOf(onMemberCard)).toMatchObject({ cost: '0.0000', pricePerKwh: '0.0000' });
    expect(await costOf(unknownTag)).toMatchObject({ cost: '1.5000', pricePerKwh: '0.3000' });
    expect((await linesOf(onMemberCard))[0]!.basis).toBe('personal');
  });

  it('charges the day-ahead price of each hour, and the fallback price for an hour not imported', async () => {
    const { account, ref } = await fixture();
    await db.insert(tariffs).values({ accountId: account.id, kind: 'dayAhead', pricePerKwh: '0.2500', currency: 'EUR', validFrom: new Date('2026-06-01T00:00:00Z') });
    await db.insert(dayAheadPrices).values([
      { accountId: account.id, startsAt: new Date('2026-06-03T10:00:00Z'), pricePerKwh: '0.1000' },
      { accountId: account.id, startsAt: new Date('2026-06-03T11:00:00Z'), pricePerKwh: '-0.0500' },
    ]);
    const id = await charge(ref, [
      ['2026-06-03T10:00:00Z', 0],
      ['2026-06-03T11:00:00Z', 2_000],
      ['2026-06-03T12:00:00Z', 4_000],
      ['2026-06-03T13:00:00Z', 6_000],
    ]);
    expect((await linesOf(id)).map((line) => [line.price, line.cost, line.basis])).toEqual([
      ['0.1000', '0.20', 'dayAhead'],
      ['-0.0500', '-0.10', 'dayAhead'],
      ['0.2500', '0.50', 'fixed'],
    ]);
    expect((await costOf(id)).cost).toBe('0.6000');
  });

  it('leaves the lines unpriced while no price was in force', async () => {
    const { account, ref } = await fixture();
    await db.insert(tariffs).values({ accountId: account.id, pricePerKwh: '0.3000', currency: 'EUR', validFrom: new Date('2026-07-01T10:30:00Z') });
    const id = await charge(ref, [
      ['2026-07-01T10:00:00Z', 0],
      ['2026-07-01T11:00:00Z', 2_000],
    ]);
    expect((await linesOf(id)).map((line) => [line.energyWh, line.cost])).toEqual([
      [1_000, null],
      [1_000, '0.30'],
    ]);
    expect(await costOf(id)).toEqual({ energyWh: 2_000, cost: '0.3000', currency: 'EUR', pricePerKwh: null });
  });
});
