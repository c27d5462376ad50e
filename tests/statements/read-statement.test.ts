import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { readStatement } from '@/domain/statements/read-statement';
import { monthPeriod } from '@/domain/statements/period';
import { addCostedSession, statementsFixture } from './builders';

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

let f: Awaited<ReturnType<typeof statementsFixture>>;
let crossing: { id: number };
beforeAll(async () => {
  f = await statementsFixture(db);
  const scope = { accountId: f.account.id, chargerId: f.charger.id };
  const driver = { ...scope, userId: f.driver.id, cardId: f.driverCard.id, idTag: f.driverCard.idTag };
  // Three price periods: amounts whose float sum is not exact (0.1 + 0.2 + 0.7).
  await addCostedSession(db, {
    ...driver,
    lines: [
      { startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-10T07:00:00Z', energyWh: 1_000, pricePerKwh: '0.1000', cost: '0.10', basis: 'timeOfUse' },
      { startsAt: '2026-03-10T07:00:00Z', endsAt: '2026-03-10T08:00:00Z', energyWh: 1_000, pricePerKwh: '0.2000', cost: '0.20', basis: 'timeOfUse' },
      { startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T09:00:00Z', energyWh: 3_500, pricePerKwh: '0.2000', cost: '0.70', basis: 'timeOfUse' },
    ],
  });
  // Vilnius is UTC+3 in summer time: local midnight of 1 April is 21:00 UTC on 31 March.
  crossing = await addCostedSession(db, {
    ...driver,
    lines: [
      { startsAt: '2026-03-31T20:30:00Z', endsAt: '2026-03-31T21:00:00Z', energyWh: 3_333, cost: '0.83' },
      { startsAt: '2026-03-31T21:00:00Z', endsAt: '2026-03-31T22:00:00Z', energyWh: 6_667, cost: '1.67' },
    ],
  });
  await addCostedSession(db, { ...scope, cardId: f.poolCard.id, idTag: f.poolCard.idTag, lines: [{ startsAt: '2026-03-12T10:00:00Z', endsAt: '2026-03-12T11:00:00Z', energyWh: 7_000, cost: '1.75' }] });
  await addCostedSession(db, { ...scope, userId: f.driver.id, lines: [{ startsAt: '2026-03-20T10:00:00Z', endsAt: '2026-03-20T11:00:00Z', energyWh: 500, cost: null }] });
  await addCostedSession(db, { accountId: f.stranger.id, chargerId: f.theirCharger.id, userId: f.driver.id, lines: [{ startsAt: '2026-03-15T10:00:00Z', endsAt: '2026-03-15T11:00:00Z', energyWh: 9_000, cost: '9.00' }] });
});

describe('a member’s statement', () => {
  it('sums to the cent the parts of its sessions charged in the month, a session across the month end listed with its part', async () => {
    const march = await readStatement(db, { accountId: f.account.id, holder: { userId: f.driver.id }, period: monthPeriod('2026-03') });
    expect(march!.sessions.map((s) => [s.energyWh, s.cost])).toEqual([
      [5_500, '1.00'],
      [500, null],
      [3_333, '0.83'],
    ]);
    expect(march!.totals).toEqual({ sessionCount: 3, energyWh: 9_333, amounts: [{ currency: 'EUR', amount: '1.83' }] });

    const april = await readStatement(db, { accountId: f.account.id, holder: { userId: f.driver.id }, period: monthPeriod('2026-04') });
    expect(april!.sessions.map((s) => [s.transactionId, s.energyWh, s.cost])).toEqual([[crossing.id, 6_667, '1.67']]);
  });

  it('carries what an employer needs: the charger’s identity and address, meter readings and the price basis', async () => {
    const march = await readStatement(db, { accountId: f.account.id, holder: { userId: f.driver.id }, period: monthPeriod('2026-03') });
    expect(march!.sessions[0]).toMatchObject({
      chargerName: 'Garage',
      chargerIdentity: f.charger.identity,
      chargerAddress: 'Gedimino pr. 1, Vilnius',
      connectorId: 1,
      cardLabel: 'Dovilė’s fob',
      meterStartWh: 1_000,
      meterStopWh: 6_500,
      pricePerKwh: null,
      bases: ['timeOfUse'],
    });
    expect(march!.sessions[1]).toMatchObject({ hasUnpricedEnergy: true, bases: [] });
    expect(march!.sessions[2]).toMatchObject({ pricePerKwh: '0.2500', bases: ['fixed'] });
    expect(march!.holder).toMatchObject({ name: 'Driver Dovilė', locale: 'lt' });
  });

  it('takes any range of the account’s days: the evening of 31 March alone', async () => {
    const lastDay = await readStatement(db, { accountId: f.account.id, holder: { userId: f.driver.id }, period: { from: '2026-03-31', to: '2026-04-01' } });
    expect(lastDay!.totals).toEqual({ sessionCount: 1, energyWh: 3_333, amounts: [{ currency: 'EUR', amount: '0.83' }] });
  });
});

describe('a card’s statement', () => {
  it('holds the sessions of a card linked to nobody, which no member’s statement holds', async () => {
    const card = await readStatement(db, { accountId: f.account.id, holder: { cardId: f.poolCard.id }, period: monthPeriod('2026-03') });
    expect(card!.totals).toEqual({ sessionCount: 1, energyWh: 7_000, amounts: [{ currency: 'EUR', amount: '1.75' }] });
    expect(card!.holder).toMatchObject({ name: 'Company car', idTag: f.poolCard.idTag });
    const driversCard = await readStatement(db, { accountId: f.account.id, holder: { cardId: f.driverCard.id }, period: monthPeriod('2026-03') });
    expect(driversCard!.sessions).toEqual([]);
  });

  it('is nobody’s in another account', async () => {
    expect(await readStatement(db, { accountId: f.stranger.id, holder: { cardId: f.poolCard.id }, period: monthPeriod('2026-03') })).toBeNull();
    expect(await readStatement(db, { accountId: f.account.id, holder: { userId: f.stranger.owner.id }, period: monthPeriod('2026-03') })).toBeNull();
  });
});
