import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { startSimulator, startSimulator201, transactionAnswered, transactionEvented } from './simulators';
import { ocppSuite } from './suite';

// The project simulators' meters run on between their readings, as a charger's does: a session stopped before its
// first periodic reading still shows the energy the car drew.
const suite = ocppSuite();
const { db } = suite;
const POWER_W = 36_000;
// No periodic reading comes within the test.
const METER_INTERVAL_MS = 600_000;

type Charging = { meterReading: () => number; stop: () => Promise<{ id: number; meterStartWh: number; meterStopWh: number | null; energyWh: number | null }> };

const sessionWhere = async (condition: ReturnType<typeof eq>) => (await db.select().from(transactions).where(condition))[0]!;

const protocols: { protocol: string; charge: (identity: string, idTag: string) => Promise<Charging> }[] = [
  {
    protocol: 'OCPP 1.6',
    charge: async (identity, idTag) => {
      const simulator = await startSimulator(suite.server, { identity, meterIntervalMs: METER_INTERVAL_MS, powerW: POWER_W });
      const started = transactionAnswered(simulator, 'transactionStarted', 1);
      await simulator.startSession(1, idTag);
      const transactionId = await started;
      return {
        meterReading: () => simulator.meterReading(1),
        stop: async () => {
          const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
          await simulator.stopSession(1);
          await stopped;
          return sessionWhere(eq(transactions.id, transactionId));
        },
      };
    },
  },
  {
    protocol: 'OCPP 2.0.1',
    charge: async (identity, idTag) => {
      const simulator = await startSimulator201(suite.server, { identity, evses: 1, meterIntervalMs: METER_INTERVAL_MS, powerW: POWER_W });
      const started = transactionEvented(simulator, 'transactionStarted', 1);
      await simulator.startSession(1, idTag);
      const transactionId = await started;
      return {
        meterReading: () => simulator.meterReading(1),
        stop: async () => {
          await simulator.stopSession(1);
          return sessionWhere(eq(transactions.ocppTransactionId, transactionId));
        },
      };
    },
  },
];

describe.each(protocols)('the $protocol simulator’s meter', ({ charge }) => {
  it('holds the energy drawn at its power when a session stops before its first reading', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const card = await makeCard(db, { accountId: suite.fixture.account.id });
    const charging = await charge(charger.identity, card.idTag);
    const chargingFrom = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // At least the energy of the time the test saw it charge (36 kW for half a second is 5 Wh).
    const seenWh = Math.floor((POWER_W * (performance.now() - chargingFrom)) / 3_600_000);
    const session = await charging.stop();
    expect(session.energyWh).toBeGreaterThan(0);
    expect(session.energyWh).toBeGreaterThanOrEqual(seenWh);
    expect(session.meterStopWh).toBe(charging.meterReading());
    expect(session.energyWh).toBe(session.meterStopWh! - session.meterStartWh);
  });
});
