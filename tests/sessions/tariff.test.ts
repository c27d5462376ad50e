import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { transactions } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { computeCost } from '@/domain/charging/tariff';
import { listCurrentTariffs } from '@/domain/data/tariffs';
import { startTransaction } from '@/domain/data/charger-traffic/transactions';
import { stopTransaction } from '@/domain/data/charger-traffic/stops';
import { testDb } from '@/ocpp-server/test/helpers';
import { addTariff } from './builders';

const { db, sql } = testDb();
afterAll(() => sql.end());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function fixture() {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id });
  return { account, charger, ref: { chargerId: charger.id, accountId: account.id } };
}

type Ref = { chargerId: string; accountId: string };

async function charge(ref: Ref, { startedAt, stoppedAt, energyWh }: { startedAt: Date; stoppedAt: Date; energyWh: number }) {
  const input = { connectorId: 1, idTag: 'NOCARD', meterStartWh: 5000, startedAt, reservationId: null };
  const { transactionId } = await startTransaction(db, ref, input);
  await stopTransaction(db, ref, { transactionId, meterStopWh: 5000 + energyWh, stoppedAt, reason: 'Local', idTag: null, samples: [] });
  return transactionId;
}

async function pricing(transactionId: number) {
  const [row] = await db
    .select({ cost: transactions.cost, currency: transactions.currency, pricePerKwh: transactions.pricePerKwh })
    .from(transactions)
    .where(eq(transactions.id, transactionId));
  return row!;
}

describe('session cost', () => {
  it('rounds exactly, half up, to the minor unit', () => {
    expect(computeCost(12_345, '0.3000')).toBe('3.70');
    expect(computeCost(1_000, '0.2549')).toBe('0.25');
    expect(computeCost(10, '0.25')).toBe('0.00');
    expect(computeCost(20, '0.25')).toBe('0.01');
    expect(computeCost(0, '1')).toBe('0.00');
    expect(computeCost(123_456_789, '9999.9999')).toBe('1234567877.65');
  });

  it('charges each part of a session at the tariff in force then, and a later change does not rewrite it', async () => {
    const { account, ref } = await fixture();
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.2000', validFrom: minutesAgo(120) });
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.3500', validFrom: minutesAgo(30) });
    // No readings between start and stop: 10,000 Wh spread evenly over 50 minutes, 6,000 before the change.
    const id = await charge(ref, { startedAt: minutesAgo(60), stoppedAt: minutesAgo(10), energyWh: 10_000 });
    expect(await pricing(id)).toEqual({ cost: '2.6000', currency: 'EUR', pricePerKwh: null });

    await addTariff(db, { accountId: account.id, pricePerKwh: '9.0000', validFrom: minutesAgo(5) });
    await addTariff(db, { accountId: account.id, pricePerKwh: '1.0000', validFrom: minutesAgo(50) });
    const again = await stopTransaction(db, ref, { transactionId: id, meterStopWh: 99_999, stoppedAt: new Date(), reason: null, idTag: null, samples: [] });
    expect(again.outcome).toBe('already-stopped');
    expect(await pricing(id)).toEqual({ cost: '2.6000', currency: 'EUR', pricePerKwh: null });
  });

  it('leaves the session’s own cost empty when the currency changed during it', async () => {
    const { account, ref } = await fixture();
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.2000', validFrom: minutesAgo(120) });
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.3500', currency: 'SEK', validFrom: minutesAgo(30) });
    const id = await charge(ref, { startedAt: minutesAgo(60), stoppedAt: minutesAgo(10), energyWh: 10_000 });
    expect(await pricing(id)).toEqual({ cost: null, currency: null, pricePerKwh: null });
  });

  it('prefers the charger’s own tariff over the account’s, and falls back when the override is removed', async () => {
    const { account, charger, ref } = await fixture();
    const other = await makeCharger(db, { accountId: account.id });
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.2000', validFrom: minutesAgo(120) });
    await addTariff(db, { accountId: account.id, chargerId: charger.id, pricePerKwh: '0.5000', currency: 'EUR', validFrom: minutesAgo(100) });
    const onOverride = await charge(ref, { startedAt: minutesAgo(90), stoppedAt: minutesAgo(80), energyWh: 2_000 });
    expect(await pricing(onOverride)).toEqual({ cost: '1.0000', currency: 'EUR', pricePerKwh: '0.5000' });

    const onOther = await charge({ chargerId: other.id, accountId: account.id }, { startedAt: minutesAgo(90), stoppedAt: minutesAgo(80), energyWh: 2_000 });
    expect(await pricing(onOther)).toEqual({ cost: '0.4000', currency: 'EUR', pricePerKwh: '0.2000' });

    await addTariff(db, { accountId: account.id, chargerId: charger.id, pricePerKwh: null, validFrom: minutesAgo(60) });
    const afterRemoval = await charge(ref, { startedAt: minutesAgo(50), stoppedAt: minutesAgo(40), energyWh: 2_000 });
    expect(await pricing(afterRemoval)).toEqual({ cost: '0.4000', currency: 'EUR', pricePerKwh: '0.2000' });
    expect(await pricing(onOverride)).toEqual({ cost: '1.0000', currency: 'EUR', pricePerKwh: '0.5000' });
  });

  it('leaves the cost empty without a tariff and ignores other accounts’ tariffs', async () => {
    const { ref } = await fixture();
    const stranger = await fixture();
    await addTariff(db, { accountId: stranger.account.id, pricePerKwh: '0.3000', validFrom: minutesAgo(120) });
    const id = await charge(ref, { startedAt: minutesAgo(60), stoppedAt: minutesAgo(10), energyWh: 1_000 });
    expect(await pricing(id)).toEqual({ cost: null, currency: null, pricePerKwh: null });
  });

  it('tells the price in force now, not one that takes effect later', async () => {
    const { account } = await fixture();
    const accountPrice = async () => (await listCurrentTariffs(db, { accountId: account.id })).account;
    expect(await accountPrice()).toBeNull();
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.2500', currency: 'NOK', validFrom: minutesAgo(1) });
    expect(await accountPrice()).toMatchObject({ pricePerKwh: '0.2500', currency: 'NOK' });
    await addTariff(db, { accountId: account.id, pricePerKwh: '0.1000', validFrom: new Date(Date.now() + 3600_000) });
    expect(await accountPrice()).toMatchObject({ pricePerKwh: '0.2500' });
  });
});
