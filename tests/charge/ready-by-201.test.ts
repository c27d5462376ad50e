import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, chargingPlans, dayAheadPrices, memberships, tariffs, transactions } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { chargeNow } from '@/domain/ready-by/charge-now';
import { setReadyBy } from '@/domain/ready-by/set-ready-by';
import { startCharging } from '@/lib/charge/start-charging';
import { db as webDb } from '@/lib/db';
import type { SimulatedCharger201 } from '@/ocpp-server/simulator/v201/simulated-charger-201';
import { waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator201, transactionEvented } from '@/ocpp-server/test/simulators';
import { chargingSuite } from './charging-suite';

// tests/charge/ready-by.test.ts again, for a charger speaking OCPP 2.0.1.
const { db, server } = chargingSuite();

const HOUR = 3_600_000;
const CHARGER_W = 11_000;

async function setup201() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const driver = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });
  const charger = await makeCharger(db, { accountId: account.id });
  const simulator = await startSimulator201(server(), { identity: charger.identity, evses: 2, powerW: CHARGER_W });
  await waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, charger.id), eq(chargers.isOnline, true))))[0]);
  const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
  const cheapHour = thisHour + 4 * HOUR;
  await db.insert(tariffs).values({ accountId: account.id, kind: 'dayAhead', pricePerKwh: '0.5000', currency: 'EUR', validFrom: new Date(thisHour - 24 * HOUR) });
  await db.insert(dayAheadPrices).values(Array.from({ length: 12 }, (_, i) => ({ accountId: account.id, startsAt: new Date(thisHour + i * HOUR), pricePerKwh: thisHour + i * HOUR === cheapHour ? '0.0300' : '0.3000' })));
  const departure = new Date(thisHour + 8 * HOUR).toISOString().slice(11, 16);
  return { owner, driver, account, charger, simulator, cheapHour, departure };
}

async function readerSession(simulator: SimulatedCharger201, idTag: string) {
  const started = transactionEvented(simulator, 'transactionStarted', 1);
  await simulator.startSession(1, idTag);
  const [session] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, await started));
  return session!.id;
}

const planOf = async (transactionId: number) => (await db.select().from(chargingPlans).where(eq(chargingPlans.transactionId, transactionId)))[0] ?? null;
const request = (departure: string, kwh = 10) => ({ departure, energy: { kind: 'kwh' as const, wh: kwh * 1000 } });

describe('ready by on a 2.0.1 charger', () => {
  it("sends a driver's plan as a TxProfile for the charger's own transaction: nothing outside the cheap hour, full power in it", async () => {
    const { driver, account, simulator, cheapHour, departure } = await setup201();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id });
    const transactionId = await readerSession(simulator, card.idTag);

    expect(await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(departure) })).toMatchObject({ ok: true, value: { plannedWh: 10_000 } });
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour - HOUR))).toBe(0);
    expect(simulator.powerW(1)).toBe(0);
    expect(await planOf(transactionId)).not.toBeNull();
  });

  it('charges at full power on "charge now", and the plan is gone', async () => {
    const { owner, account, simulator, departure } = await setup201();
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(simulator, card.idTag);
    await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) });
    expect(simulator.powerW(1)).toBe(0);

    expect(await chargeNow(webDb(), { userId: owner.id, transactionId })).toEqual({ ok: true, value: null });
    expect(simulator.powerW(1)).toBe(CHARGER_W);
    expect(await planOf(transactionId)).toBeNull();
  });

  it('sends the plan inside RequestStartTransaction, and the charger binds it to the transaction it starts', async () => {
    const { driver, account, charger, simulator, cheapHour, departure } = await setup201();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const started = transactionEvented(simulator, 'transactionStarted', 1);

    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id, readyBy: request(departure) })).toEqual({ ok: true, value: null });
    const ocppTransactionId = await started;
    const [open] = await db.select().from(transactions).where(and(eq(transactions.chargerId, charger.id), isNull(transactions.stoppedAt)));
    expect(open?.ocppTransactionId).toBe(ocppTransactionId);
    await waitFor(() => planOf(open!.id));
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.powerW(1)).toBe(0);
  });
});
