import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, chargingPlans, circuitChargers, circuits, connectors, dayAheadPrices, memberships, tariffs, transactions } from '@/db/schema';
import { makeCard, makeUser } from '@/db/seed/builders';
import { chargeNow } from '@/domain/ready-by/charge-now';
import { setReadyBy } from '@/domain/ready-by/set-ready-by';
import { startCharging } from '@/lib/charge/start-charging';
import { db as webDb } from '@/lib/db';
import { waitFor } from '@/ocpp-server/test/helpers';
import type { SimulatedCharger } from '@/ocpp-server/simulator/simulated-charger';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { chargingSuite } from './charging-suite';

// A remote start the charger has not answered is still on its way a while: a second click joins it.
const { db, setup } = chargingSuite({ callTimeoutMs: 60_000 });

const HOUR = 3_600_000;
const CHARGER_W = 11_000;

// Day-ahead prices for the next twelve hours from this hour on, dear except the fourth hour from now; the account's
// clock is UTC, so departure eight hours on is that hour's "HH:MM".
async function priceDay(accountId: string) {
  const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
  const cheapHour = thisHour + 4 * HOUR;
  await db.insert(tariffs).values({ accountId, kind: 'dayAhead', pricePerKwh: '0.5000', currency: 'EUR', validFrom: new Date(thisHour - 24 * HOUR) });
  await db.insert(dayAheadPrices).values(Array.from({ length: 12 }, (_, i) => ({ accountId, startsAt: new Date(thisHour + i * HOUR), pricePerKwh: thisHour + i * HOUR === cheapHour ? '0.0300' : '0.3000' })));
  const departure = new Date(thisHour + 8 * HOUR).toISOString().slice(11, 16);
  return { cheapHour, departure };
}

async function setupWithPrices(options: Parameters<typeof setup>[0] = {}) {
  const context = await setup({ powerW: CHARGER_W, ...options });
  const driver = await makeUser(db, { emailVerifiedAt: new Date() });
  await db.insert(memberships).values({ accountId: context.account.id, userId: driver.id, role: 'driver' });
  return { ...context, driver, ...(await priceDay(context.account.id)) };
}

async function readerSession(simulator: SimulatedCharger, idTag: string, connectorId = 1) {
  const started = transactionAnswered(simulator, 'transactionStarted', connectorId);
  await simulator.startSession(connectorId, idTag, { shouldAuthorize: false });
  return started;
}

const planOf = async (transactionId: number) => (await db.select().from(chargingPlans).where(eq(chargingPlans.transactionId, transactionId)))[0] ?? null;
const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;
const request = (departure: string, kwh = 10) => ({ departure, energy: { kind: 'kwh' as const, wh: kwh * 1000 } });

describe('ready by over the command bus', () => {
  it("sends a driver's plan for their own session as a TxProfile: the charger draws nothing outside the cheap hour and full power in it", async () => {
    const { driver, account, charger, simulator, cheapHour, departure } = await setupWithPrices();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id });
    const transactionId = await readerSession(simulator, card.idTag);

    const planned = await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(departure) });
    expect(planned).toMatchObject({ ok: true, value: { isShort: false, plannedWh: 10_000, currency: 'EUR' } });
    expect(simulator.receivedCalls).toContain('SetChargingProfile');
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour - HOUR))).toBe(0);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 2 * HOUR))).toBe(0);
    // Now is outside the planned hour: the car waits at 0 A.
    expect(simulator.powerW(1)).toBe(0);
    await waitFor(async () => (await statusOf(charger.id)) === 'SuspendedEVSE');
    expect((await planOf(transactionId))?.plan.slots.filter((slot) => slot.isCharging).every((slot) => Date.parse(slot.startsAt) >= cheapHour && Date.parse(slot.endsAt) <= cheapHour + HOUR)).toBe(true);
  });

  it("refuses a driver another member's session, and lets a co-owner plan it", async () => {
    const { driver, member: coOwner, owner, account, simulator, departure } = await setupWithPrices();
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(simulator, ownersCard.idTag);

    expect(await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(departure) })).toEqual({ ok: false, reason: 'notFound' });
    expect(simulator.receivedCalls).not.toContain('SetChargingProfile');
    expect(await planOf(transactionId)).toBeNull();
    expect(await setReadyBy(webDb(), { userId: coOwner.id, transactionId, request: request(departure) })).toMatchObject({ ok: true });
  });

  it('charges at full power on "charge now", and the plan is gone', async () => {
    const { owner, account, simulator, departure } = await setupWithPrices();
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(simulator, card.idTag);
    await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) });
    expect(simulator.powerW(1)).toBe(0);

    expect(await chargeNow(webDb(), { userId: owner.id, transactionId })).toEqual({ ok: true, value: null });
    expect(simulator.powerW(1)).toBe(CHARGER_W);
    expect(await planOf(transactionId)).toBeNull();
  });

  it('drops the plan when its session ends', async () => {
    const { owner, account, simulator, departure } = await setupWithPrices();
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(simulator, card.idTag);
    await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) });
    expect(await planOf(transactionId)).not.toBeNull();

    const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
    await simulator.stopSession(1);
    await stopped;
    await waitFor(async () => (await planOf(transactionId)) === null);
  });

  it('tells the driver when there is not enough time, and charges at full power from now', async () => {
    const { driver, account, simulator } = await setupWithPrices();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id });
    const transactionId = await readerSession(simulator, card.idTag);
    const inAnHour = new Date(Math.floor(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString().slice(11, 16);

    const planned = await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(inAnHour, 100) });
    expect(planned).toMatchObject({ ok: true, value: { isShort: true } });
    expect(simulator.powerW(1)).toBe(CHARGER_W);
  });

  it('refuses a plan on a charger behind a circuit, whose share keeps the fuse', async () => {
    const { owner, account, charger, simulator, departure } = await setupWithPrices();
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage fuse', capacityA: 32 }).returning();
    await db.insert(circuitChargers).values({ circuitId: circuit!.id, chargerId: charger.id, accountId: account.id });
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(simulator, card.idTag);

    expect(await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) })).toEqual({ ok: false, reason: 'readyByOnCircuit' });
    expect(await planOf(transactionId)).toBeNull();
  });

  it('sends the plan with a remote start, and the charger binds it to the transaction it starts', async () => {
    const { driver, account, charger, simulator, cheapHour, departure } = await setupWithPrices();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);

    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id, readyBy: request(departure) })).toEqual({ ok: true, value: null });
    const transactionId = await started;
    await waitFor(() => planOf(transactionId));
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.powerW(1)).toBe(0);
    const [open] = await db.select().from(transactions).where(and(eq(transactions.chargerId, charger.id), isNull(transactions.stoppedAt)));
    expect(open?.id).toBe(transactionId);
  });

  // A charger that waits for the cable answers its remote start and starts later, with the profile the start carried.
  async function remoteStartNotYetStarted(options: { userId: string; chargerId: string; cardId: string; departure: string; kwh: number }) {
    const started = await startCharging(webDb(), { userId: options.userId, chargerId: options.chargerId, connectorId: 1, cardId: options.cardId, readyBy: request(options.departure, options.kwh) });
    expect(started).toEqual({ ok: false, reason: 'startNoAnswer' });
  }
  async function acceptAndStartLater(simulator: SimulatedCharger, { chargerId, idTag, minutesAgo }: { chargerId: string; idTag: string; minutesAgo: number }) {
    const [command] = await db
      .update(chargerCommands)
      .set({ status: 'accepted', createdAt: new Date(Date.now() - minutesAgo * 60_000) })
      .where(and(eq(chargerCommands.chargerId, chargerId), eq(chargerCommands.action, 'RemoteStartTransaction')))
      .returning({ payload: chargerCommands.payload });
    await db.update(chargingPlans).set({ createdAt: new Date(Date.now() - minutesAgo * 60_000) }).where(eq(chargingPlans.chargerId, chargerId));
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, idTag, { shouldAuthorize: false, txProfile: (command!.payload as { chargingProfile: never }).chargingProfile });
    return started;
  }

  it('binds the plan to a remote start the charger starts six minutes later, within the time a remote start counts', async () => {
    const { driver, account, charger, simulator, cheapHour, departure } = await setupWithPrices({ ignoreActions: ['RemoteStartTransaction'] });
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 10 });

    const transactionId = await acceptAndStartLater(simulator, { chargerId: charger.id, idTag: card.idTag, minutesAgo: 6 });
    // Bound before the charger is answered.
    expect((await planOf(transactionId))?.plan.plannedWh).toBe(10_000);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
  });

  it('keeps the plan the charger was sent when a second click joins the remote start on its way', async () => {
    const { driver, account, charger, simulator, departure } = await setupWithPrices({ ignoreActions: ['RemoteStartTransaction'] });
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 10 });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 5 });

    const transactionId = await acceptAndStartLater(simulator, { chargerId: charger.id, idTag: card.idTag, minutesAgo: 0 });
    expect((await planOf(transactionId))?.plan.plannedWh).toBe(10_000);
  });
});
