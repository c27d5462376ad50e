import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, connectorStatusHistory, connectors, meterValues, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { listSessionMeterValues } from '../../domain/data/sessions';
import { sessionSeries } from '../../domain/sessions/series';
import { waitFor } from './helpers';
import { startSimulator, transactionAnswered } from './simulators';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db } = suite;

const sessionOf = async (transactionId: number) => (await db.select().from(transactions).where(eq(transactions.id, transactionId)))[0]!;
const readingsOf = (chargerId: string) => db.select().from(meterValues).where(eq(meterValues.chargerId, chargerId)).orderBy(asc(meterValues.sampledAt));

// The session's chart, as its page draws it, ends at the session's total.
async function chartTotalKwh(transactionId: number) {
  const session = await sessionOf(transactionId);
  const samples = await listSessionMeterValues(db, { accountId: session.accountId, sessionId: transactionId });
  const { energyKwh } = sessionSeries({ samples, ...session });
  return Math.max(...energyKwh.map((point) => point.value));
}

// A charger charging on connector 1 (5 Wh a reading), with a few readings delivered.
async function charging(options: { readingsAfterStop?: boolean; replaysOfflineQueue?: boolean; backoff?: { initialDelay: number; maxDelay: number } }) {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const card = await makeCard(db, { accountId: suite.fixture.account.id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, meterIntervalMs: 50, powerW: 360_000, ...options });
  const started = transactionAnswered(simulator, 'transactionStarted', 1);
  await simulator.startSession(1, card.idTag);
  const transactionId = await started;
  await waitFor(async () => simulator.queue.delivered.MeterValues >= 3);
  return { charger, simulator, transactionId };
}

describe('messages a charger sends late', () => {
  it('leaves a reading stamped after its session stopped out of that session, so the chart ends at the total', async () => {
    const { charger, simulator, transactionId } = await charging({ readingsAfterStop: true });
    const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
    await simulator.stopSession(1);
    await stopped;
    await simulator.queue.drained();

    const session = await sessionOf(transactionId);
    const readings = await readingsOf(charger.id);
    const late = readings.filter((reading) => reading.sampledAt > session.stoppedAt!);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((reading) => reading.transactionId === null)).toBe(true);
    expect(session.energyWh).toBeGreaterThan(0);
    expect(await chartTotalKwh(transactionId)).toBe(session.energyWh! / 1000);
  });

  it('takes a queue replayed after an outage at the times it was made: readings and stop in their session, older statuses behind newer', async () => {
    const { charger, simulator, transactionId } = await charging({ replaysOfflineQueue: true, backoff: { initialDelay: 1500, maxDelay: 3000 } });
    simulator.dropConnection();
    await waitFor(async () => !simulator.isConnected);
    await waitFor(async () => simulator.queue.length >= 2);
    const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
    await simulator.stopSession(1);
    await stopped;
    await simulator.queue.drained();

    const [row] = await db.select({ connectedAt: chargers.connectedAt, disconnectedAt: chargers.disconnectedAt }).from(chargers).where(eq(chargers.id, charger.id));
    const connectedAt = row!.connectedAt!;
    const disconnectedAt = row!.disconnectedAt!;
    const session = await sessionOf(transactionId);
    expect(session.stoppedAt!.getTime()).toBeLessThan(connectedAt.getTime());
    expect(session.energyWh).toBe(session.meterStopWh! - session.meterStartWh);
    const linked = (await readingsOf(charger.id)).filter((reading) => reading.transactionId === transactionId);
    expect(linked.filter((reading) => reading.sampledAt > disconnectedAt).length).toBeGreaterThan(0);
    expect(await chartTotalKwh(transactionId)).toBe(session.energyWh! / 1000);

    const history = await waitFor(async () => {
      const rows = await db
        .select()
        .from(connectorStatusHistory)
        .where(and(eq(connectorStatusHistory.chargerId, charger.id), eq(connectorStatusHistory.connectorId, 1)))
        .orderBy(asc(connectorStatusHistory.id));
      return rows.some((row) => row.statusAt! < connectedAt && row.receivedAt > connectedAt && row.status === 'Available') && rows;
    });
    const newest = history.reduce((latest, row) => (row.statusAt! > latest.statusAt! ? row : latest));
    const [connector] = await db.select().from(connectors).where(and(eq(connectors.chargerId, charger.id), eq(connectors.connectorId, 1)));
    expect(connector!.statusAt).toEqual(newest.statusAt);
  });
});
