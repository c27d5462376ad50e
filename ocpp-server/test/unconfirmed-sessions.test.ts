import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, memberships, meterValues, sessionCostLines, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { sweepUnconfirmedSessions } from '../../domain/data/charger-traffic/unconfirmed-sessions';
import { closeUnconfirmedSession } from '../../domain/data/session-control';
import { waitFor } from './helpers';
import { startSimulator, transactionAnswered } from './simulators';
import { ocppSuite } from './suite';

// Heartbeat interval 1 s, no grace, a sweep every 100 ms: a session of a charger gone for over a second is flagged.
const HEARTBEAT_SEC = 1;
const suite = ocppSuite({ heartbeatIntervalSec: HEARTBEAT_SEC, sessionAwayGraceSec: 0, sessionSweepMs: 100 });
const { db } = suite;

const sessionOf = async (transactionId: number) => (await db.select().from(transactions).where(eq(transactions.id, transactionId)))[0]!;
const lastEnergyReading = async (transactionId: number) => {
  const [row] = await db
    .select({ value: meterValues.numericValue })
    .from(meterValues)
    .where(and(eq(meterValues.transactionId, transactionId), eq(meterValues.measurand, 'Energy.Active.Import.Register')))
    .orderBy(desc(meterValues.sampledAt))
    .limit(1);
  return row!.value!;
};
const chargerOf = async (chargerId: string) => (await db.select().from(chargers).where(eq(chargers.id, chargerId)))[0]!;

// A charger of the suite's account charging on connector 1 with a card linked to nobody, 3 readings in (5 Wh each).
async function chargingCharger() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: null });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, heartbeatIntervalMs: 60_000, meterIntervalMs: 50, powerW: 360_000 });
  const started = transactionAnswered(simulator, 'transactionStarted', 1);
  await simulator.startSession(1, card.idTag);
  const transactionId = await started;
  await waitFor(async () => simulator.queue.delivered.MeterValues >= 3);
  return { charger, card, simulator, transactionId };
}

describe('sessions not confirmed by their charger', () => {
  it("flags a charger's open sessions once it has been away longer than the heartbeat interval, and unflags them when it is back", async () => {
    const { charger, simulator, transactionId } = await chargingCharger();
    await suite.server.sessionSweep.run();
    expect((await sessionOf(transactionId)).unconfirmedAt).toBeNull();

    await simulator.stop();
    const flagged = await waitFor(async () => {
      const session = await sessionOf(transactionId);
      return session.unconfirmedAt && session;
    });
    const { disconnectedAt } = await chargerOf(charger.id);
    expect(flagged.stoppedAt).toBeNull();
    expect(flagged.unconfirmedAt!.getTime()).toBeGreaterThanOrEqual(disconnectedAt!.getTime() + HEARTBEAT_SEC * 1000);

    await startSimulator(suite.server, { identity: charger.identity, heartbeatIntervalMs: 60_000 });
    await waitFor(async () => (await sessionOf(transactionId)).unconfirmedAt === null);
  });

  it('leaves sessions of online chargers and of chargers away for less than the interval alone', async () => {
    const owner = await makeUser(db);
    const account = await makeAccount(db, { owner });
    const away = new Date(Date.now() - 30_000);
    const online = await makeCharger(db, { accountId: account.id, isOnline: true, lastSeenAt: away });
    const justGone = await makeCharger(db, { accountId: account.id, isOnline: false, disconnectedAt: new Date(), lastSeenAt: away });
    const longGone = await makeCharger(db, { accountId: account.id, isOnline: false, disconnectedAt: away, lastSeenAt: away });
    const open = (chargerId: string) => ({ chargerId, accountId: account.id, connectorId: 1, idTag: 'TAG', authorizationStatus: 'Accepted', meterStartWh: 0, startedAt: away });
    const rows = await db.insert(transactions).values([open(online.id), open(justGone.id), open(longGone.id)]).returning();

    await sweepUnconfirmedSessions(db, { awayForSec: 20 });
    const after = await Promise.all(rows.map((row) => sessionOf(row.id)));
    expect(after.map((row) => row.unconfirmedAt !== null)).toEqual([false, false, true]);
  });

  it('lets a member close a flagged session with its last reading and their reason, which the charger replaces when it is back', async () => {
    const { charger, simulator, transactionId } = await chargingCharger();
    const coOwner = await makeUser(db);
    await db.insert(memberships).values({ accountId: suite.fixture.account.id, userId: coOwner.id, role: 'member' });
    const note = 'Car left at 18:00, charger lost its internet';
    expect(await closeUnconfirmedSession(db, { userId: coOwner.id, transactionId, note })).toEqual({ ok: false, reason: 'sessionStillConfirmed' });

    await simulator.stop();
    await waitFor(async () => (await sessionOf(transactionId)).unconfirmedAt);
    const lastReadingWh = await lastEnergyReading(transactionId);
    expect(lastReadingWh).toBeGreaterThan(0);
    const stranger = await makeUser(db);
    await makeAccount(db, { owner: stranger });
    expect(await closeUnconfirmedSession(db, { userId: stranger.id, transactionId, note })).toEqual({ ok: false, reason: 'notFound' });

    expect(await closeUnconfirmedSession(db, { userId: coOwner.id, transactionId, note })).toEqual({ ok: true, value: null });
    const closed = await sessionOf(transactionId);
    const { disconnectedAt } = await chargerOf(charger.id);
    expect(closed).toMatchObject({ stopReason: 'ClosedByOwner', closedByUserId: coOwner.id, closeNote: note, meterStopWh: lastReadingWh, energyWh: lastReadingWh, stoppedAt: disconnectedAt });
    expect(await closeUnconfirmedSession(db, { userId: coOwner.id, transactionId, note })).toEqual({ ok: false, reason: 'notFound' });

    const back = await suite.connect(suite.server, { identity: charger.identity });
    const stoppedAt = new Date(disconnectedAt!.getTime() + 5_000);
    await back.call('StopTransaction', { transactionId, meterStop: lastReadingWh + 500, timestamp: stoppedAt.toISOString(), reason: 'EVDisconnected' });
    expect(await sessionOf(transactionId)).toMatchObject({
      stopReason: 'EVDisconnected',
      meterStopWh: lastReadingWh + 500,
      energyWh: lastReadingWh + 500,
      stoppedAt,
      closedByUserId: coOwner.id,
      closeNote: note,
    });
    // The charger's figures replace the cost lines written at the hand close, ending at its own stop.
    const lines = await db.select().from(sessionCostLines).where(eq(sessionCostLines.transactionId, transactionId));
    expect(lines.reduce((sum, line) => sum + line.energyWh, 0)).toBe(lastReadingWh + 500);
    expect(Math.max(...lines.map((line) => line.endsAt.getTime()))).toBe(stoppedAt.getTime());
    await back.call('StopTransaction', { transactionId, meterStop: 1, timestamp: new Date().toISOString() });
    expect(await sessionOf(transactionId)).toMatchObject({ stopReason: 'EVDisconnected', meterStopWh: lastReadingWh + 500 });
  });
});
