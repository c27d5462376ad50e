import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { connectors, meterValues, transactions } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { listRecentSessions } from '@/domain/data/charger-activity';
import { CHARGERS_PAGE_SIZE, getCharger, getChargerCounts, listChargerPage, listChargers } from '@/domain/data/chargers';

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

async function chargingCharger() {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id, isOnline: true });
  await db.insert(connectors).values([
    { chargerId: charger.id, connectorId: 0, status: 'Available', errorCode: 'NoError' },
    { chargerId: charger.id, connectorId: 1, status: 'Charging', errorCode: 'NoError' },
    { chargerId: charger.id, connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure', info: 'RCD tripped' },
  ]);
  const startedAt = new Date(Date.now() - 600_000);
  const [session] = await db
    .insert(transactions)
    .values({ chargerId: charger.id, accountId: account.id, connectorId: 1, idTag: 'CARD1', authorizationStatus: 'Accepted', meterStartWh: 10_000, startedAt })
    .returning();
  const sample = (measurand: string, value: number, unit: string, minutesAgo: number) => ({
    transactionId: session!.id,
    chargerId: charger.id,
    connectorId: 1,
    sampledAt: new Date(Date.now() - minutesAgo * 60_000),
    measurand,
    unit,
    value: String(value),
    numericValue: value,
  });
  await db.insert(meterValues).values([
    sample('Power.Active.Import', 11, 'kW', 2),
    sample('Power.Active.Import', 7400, 'W', 1),
    sample('Energy.Active.Import.Register', 11_500, 'Wh', 1),
  ]);
  return { account, charger };
}

describe('charger data for the pages', () => {
  it('lists connectors without connector 0, with the latest power of the running session', async () => {
    const { account } = await chargingCharger();
    const [charger] = await listChargers(db, { accountId: account.id });
    expect(charger?.connectors.map((c) => [c.connectorId, c.status, c.powerW])).toEqual([
      [1, 'Charging', 7400],
      [2, 'Faulted', null],
    ]);
    expect(charger?.connectors[1]).toMatchObject({ errorCode: 'GroundFailure', info: 'RCD tripped' });
  });

  it('shows the energy of a running session from its last meter reading', async () => {
    const { account, charger } = await chargingCharger();
    const [session] = await listRecentSessions(db, { accountId: account.id, chargerId: charger.id });
    expect(session).toMatchObject({ idTag: 'CARD1', stoppedAt: null, lastMeterWh: 11_500, meterStartWh: 10_000 });
  });

  it("returns nothing of a charger to another account's scope", async () => {
    const { charger } = await chargingCharger();
    const other = await makeAccount(db);
    expect(await getCharger(db, { accountId: other.id, chargerId: charger.id })).toBeNull();
    expect(await listRecentSessions(db, { accountId: other.id, chargerId: charger.id })).toEqual([]);
    expect(await listChargers(db, { accountId: other.id })).toEqual([]);
  });

  it('pages the chargers by name: the second page holds the next ones, with the total on each page', async () => {
    const account = await makeAccount(db);
    const count = CHARGERS_PAGE_SIZE + 3;
    const names = Array.from({ length: count }, (_, index) => `Bay ${String(index + 1).padStart(3, '0')}`);
    for (const name of [...names].reverse()) await makeCharger(db, { accountId: account.id, name });
    await makeCharger(db, { accountId: account.id, name: 'Bay 000 removed', deletedAt: new Date() });

    const first = await listChargerPage(db, { accountId: account.id, page: 1 });
    expect(first.total).toBe(count);
    expect(first.chargers.map((charger) => charger.name)).toEqual(names.slice(0, CHARGERS_PAGE_SIZE));
    const second = await listChargerPage(db, { accountId: account.id, page: 2 });
    expect(second.total).toBe(count);
    expect(second.chargers.map((charger) => charger.name)).toEqual(names.slice(CHARGERS_PAGE_SIZE));
    expect(await listChargerPage(db, { accountId: account.id, page: 3 })).toEqual({ chargers: [], total: count });
    expect(await listChargerPage(db, { accountId: (await makeAccount(db)).id, page: 1 })).toEqual({ chargers: [], total: 0 });
  });

  it('counts chargers, those online and the connectors charging for the dashboard', async () => {
    const { account } = await chargingCharger();
    await makeCharger(db, { accountId: account.id, isOnline: false });
    expect(await getChargerCounts(db, { accountId: account.id })).toEqual({ total: 2, online: 1, charging: 1 });
  });
});
