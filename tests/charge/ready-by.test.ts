import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, chargingPlans, circuitChargers, circuits, connectors, transactions } from '@/db/schema';
import { makeCard } from '@/db/seed/builders';
import { chargeNow } from '@/domain/ready-by/charge-now';
import { setReadyBy } from '@/domain/ready-by/set-ready-by';
import { startCharging } from '@/lib/charge/start-charging';
import { db as webDb } from '@/lib/db';
import { waitFor } from '@/ocpp-server/test/helpers';
import type { SimulatedCharger } from '@/ocpp-server/simulator/simulated-charger';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { chargingSuite } from './charging-suite';
import { CHARGER_W, HOUR, readyByChargers } from './ready-by-chargers';

// A remote start the charger has not answered is still on its way a while: a second click joins it.
const suite = chargingSuite({ callTimeoutMs: 60_000 });
const { db } = suite;
const { v16, v201 } = readyByChargers(suite);

const planOf = async (transactionId: number) => (await db.select().from(chargingPlans).where(eq(chargingPlans.transactionId, transactionId)))[0] ?? null;
const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;
const request = (departure: string, kwh = 10) => ({ departure, energy: { kind: 'kwh' as const, wh: kwh * 1000 } });

describe.each([v16, v201])('ready by on an $protocol charger, over the command bus', ({ setup }) => {
  it("sends a driver's plan for their own session as a TxProfile for the charger's transaction: the charger draws nothing outside the cheap hour and full power in it", async () => {
    const { driver, account, charger, simulator, cheapHour, departure, readerSession } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id });
    const transactionId = await readerSession(card.idTag);

    const planned = await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(departure) });
    expect(planned).toMatchObject({ ok: true, value: { isShort: false, plannedWh: 10_000, currency: 'EUR' } });
    expect(simulator.receivedCalls).toContain('SetChargingProfile');
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour - HOUR))).toBe(0);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 2 * HOUR))).toBe(0);
    // Now is outside the planned hour: the car waits at 0 A.
    expect(simulator.powerW(1)).toBe(0);
    await waitFor(async () => (await statusOf(charger.id)) === 'SuspendedEVSE');
    const plan = await planOf(transactionId);
    expect(plan).not.toBeNull();
    expect(plan?.plan.slots.filter((slot) => slot.isCharging).every((slot) => Date.parse(slot.startsAt) >= cheapHour && Date.parse(slot.endsAt) <= cheapHour + HOUR)).toBe(true);
  });

  it("refuses a driver another member's session, and lets a co-owner plan it", async () => {
    const { driver, member: coOwner, owner, account, simulator, departure, readerSession } = await setup();
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(ownersCard.idTag);

    expect(await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(departure) })).toEqual({ ok: false, reason: 'notFound' });
    expect(simulator.receivedCalls).not.toContain('SetChargingProfile');
    expect(await planOf(transactionId)).toBeNull();
    expect(await setReadyBy(webDb(), { userId: coOwner.id, transactionId, request: request(departure) })).toMatchObject({ ok: true });
  });

  it('charges at full power on "charge now", and the plan is gone', async () => {
    const { owner, account, simulator, departure, readerSession } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(card.idTag);
    await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) });
    expect(simulator.powerW(1)).toBe(0);

    expect(await chargeNow(webDb(), { userId: owner.id, transactionId })).toEqual({ ok: true, value: null });
    expect(simulator.powerW(1)).toBe(CHARGER_W);
    expect(await planOf(transactionId)).toBeNull();
  });

  it('drops the plan when its session ends', async () => {
    const { owner, account, departure, readerSession, endSession } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(card.idTag);
    await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) });
    expect(await planOf(transactionId)).not.toBeNull();

    await endSession();
    await waitFor(async () => (await planOf(transactionId)) === null);
  });

  it('tells the driver when there is not enough time, and charges at full power from now', async () => {
    const { driver, account, simulator, readerSession } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id });
    const transactionId = await readerSession(card.idTag);
    const inAnHour = new Date(Math.floor(Date.now() / HOUR) * HOUR + 2 * HOUR).toISOString().slice(11, 16);

    const planned = await setReadyBy(webDb(), { userId: driver.id, transactionId, request: request(inAnHour, 100) });
    expect(planned).toMatchObject({ ok: true, value: { isShort: true } });
    expect(simulator.powerW(1)).toBe(CHARGER_W);
  });

  it('refuses a plan on a charger behind a circuit, whose share keeps the fuse', async () => {
    const { owner, account, charger, departure, readerSession } = await setup();
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage fuse', capacityA: 32 }).returning();
    await db.insert(circuitChargers).values({ circuitId: circuit!.id, chargerId: charger.id, accountId: account.id });
    const card = await makeCard(db, { accountId: account.id, userId: owner.id });
    const transactionId = await readerSession(card.idTag);

    expect(await setReadyBy(webDb(), { userId: owner.id, transactionId, request: request(departure) })).toEqual({ ok: false, reason: 'readyByOnCircuit' });
    expect(await planOf(transactionId)).toBeNull();
  });

  it('sends the plan with a remote start, and the charger binds it to the transaction it starts', async () => {
    const { driver, account, charger, simulator, cheapHour, departure, nextStart } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const started = nextStart();

    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id, readyBy: request(departure) })).toEqual({ ok: true, value: null });
    const startedAs = await started;
    const [open] = await db.select().from(transactions).where(and(eq(transactions.chargerId, charger.id), isNull(transactions.stoppedAt)));
    expect(open).toMatchObject(startedAs);
    await waitFor(() => planOf(open!.id));
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
    expect(simulator.powerW(1)).toBe(0);
  });
});

describe('ready by with a remote start an OCPP 1.6 charger starts late', () => {
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
    const { driver, account, charger, simulator, cheapHour, departure } = await v16.setup({ ignoreActions: ['RemoteStartTransaction'] });
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 10 });

    const transactionId = await acceptAndStartLater(simulator, { chargerId: charger.id, idTag: card.idTag, minutesAgo: 6 });
    // Bound before the charger is answered.
    expect((await planOf(transactionId))?.plan.plannedWh).toBe(10_000);
    expect(simulator.chargingProfiles.limitW(1, new Date(cheapHour + 10 * 60_000))).toBe(CHARGER_W);
  });

  it('keeps the plan the charger was sent when a second click joins the remote start on its way', async () => {
    const { driver, account, charger, simulator, departure } = await v16.setup({ ignoreActions: ['RemoteStartTransaction'] });
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 10 });
    await remoteStartNotYetStarted({ userId: driver.id, chargerId: charger.id, cardId: card.id, departure, kwh: 5 });

    const transactionId = await acceptAndStartLater(simulator, { chargerId: charger.id, idTag: card.idTag, minutesAgo: 0 });
    expect((await planOf(transactionId))?.plan.plannedWh).toBe(10_000);
  });
});
