// A circuit at the grid connection over real sockets: a grid reading posted to the web app's route lowers (or
// raises) the simulated chargers' limits through the OCPP server, logged with the reason; a silent feed falls back to
// the static shares and back; both solar modes follow the surplus.
import { and, asc, desc, eq, isNull, sql as raw } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { circuitChanges, circuitChargers, circuits, gridPowerReadings, meterValues, transactions } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { notifyCircuitChanged } from '@/domain/circuits/notify';
import type { SolarMode } from '@/domain/circuits/solar-hysteresis';
import { createApiToken } from '@/domain/data/api-tokens';
import type { SimulatedCharger } from '@/ocpp-server/simulator/simulated-charger';
import { waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, transactionAnswered } from '@/ocpp-server/test/simulators';
import { ocppSuite } from '@/ocpp-server/test/suite';

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { POST } = await import('@/app/api/v1/grid-power/route');

const suite = ocppSuite();
const { db } = suite;
// Watts a three-phase 230 V charger draws for each ampere on each phase.
const W_PER_A = 3 * 230;

// A 32 A circuit at the grid connection of a fresh account, two single-connector chargers behind it, and the
// account's feed token.
async function feedCircuit({ solarMode = 'off' }: { solarMode?: SolarMode } = {}) {
  const account = await makeAccount(db);
  const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Main supply', capacityA: 32, followsMeterFeed: true, solarMode }).returning();
  const simulators: SimulatedCharger[] = [];
  const chargerIds: string[] = [];
  for (const name of ['Drive', 'Barn']) {
    const charger = await makeCharger(db, { accountId: account.id, connectorCount: 1, name });
    await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
    simulators.push(await startSimulator(suite.server, { identity: charger.identity, powerW: 22_080 }));
    chargerIds.push(charger.id);
  }
  await waitFor(async () => simulators.every((simulator) => Math.abs(simulator.chargingProfiles.limitW(1) - 16 * W_PER_A) < 1));
  const { token } = await createApiToken(db, { accountId: account.id, name: 'meter script', createdBy: account.owner.id });
  return { account, circuit: circuit!, simulators, chargerIds, token };
}

async function postReading(token: string, accountId: string, powerW: number) {
  // The feed takes one request a second; the test does not wait for the clock.
  await db.update(gridPowerReadings).set({ receivedAt: raw`now() - interval '1 minute'` }).where(eq(gridPowerReadings.accountId, accountId));
  const response = await POST(new Request('http://localhost/api/v1/grid-power', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ powerW }) }));
  expect(response.status).toBe(202);
}

async function startCharging(simulator: SimulatedCharger) {
  const started = transactionAnswered(simulator, 'transactionStarted', 1);
  await simulator.startSession(1, 'FEEDCARD', { shouldAuthorize: false });
  return started;
}

const drawing = (simulators: SimulatedCharger[], amps: number[]) => waitFor(async () => simulators.every((simulator, index) => Math.abs(simulator.currentA(1) - amps[index]!) < 0.05));

// The charger's last sample says it draws this much: the plan then counts the sessions at what they really draw.
const sampled = (chargerId: string, powerW: number) =>
  waitFor(async () => {
    const [row] = await db
      .select({ powerW: meterValues.numericValue })
      .from(meterValues)
      .innerJoin(transactions, and(eq(transactions.id, meterValues.transactionId), isNull(transactions.stoppedAt)))
      .where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.measurand, 'Power.Active.Import')))
      .orderBy(desc(meterValues.sampledAt))
      .limit(1);
    return row && Math.abs(row.powerW! - powerW) < 1;
  });

const reasonsLogged = async (circuitId: string) =>
  (await db.select({ reason: circuitChanges.reason, currentA: circuitChanges.currentA }).from(circuitChanges).where(eq(circuitChanges.circuitId, circuitId)).orderBy(asc(circuitChanges.id))).map(
    (row) => `${row.reason} ${row.currentA}`,
  );

const feedState = async (circuitId: string) => (await db.select().from(circuits).where(eq(circuits.id, circuitId)))[0]!;

describe('a circuit following the home meter feed', () => {
  it('lowers both chargers when a reading shows the grid import above the fuse, and raises them when the house load drops', async () => {
    const { account, circuit, simulators, chargerIds, token } = await feedCircuit();
    await startCharging(simulators[0]!);
    await startCharging(simulators[1]!);
    await drawing(simulators, [16, 16]);
    await Promise.all(chargerIds.map((chargerId) => sampled(chargerId, 16 * W_PER_A)));

    // The chargers alone: the feed speaks, the budget is the whole fuse.
    await postReading(token, account.id, 2 * 16 * W_PER_A);
    await waitFor(async () => (await feedState(circuit.id)).plannedBudgetA === 32);

    // The oven goes on: 10 A a phase more than the chargers draw, 42 A a phase through a 32 A fuse.
    await postReading(token, account.id, 2 * 16 * W_PER_A + 10 * W_PER_A);
    await drawing(simulators, [11, 11]);
    await waitFor(async () => (await reasonsLogged(circuit.id)).filter((line) => line === 'gridImportAboveLimit 11').length === 2);
    expect(await feedState(circuit.id)).toMatchObject({ plannedBudgetA: 22, plannedOtherLoadW: 10 * W_PER_A, plannedFeedLive: true });

    // It goes off again: 1 A a phase besides the chargers.
    await postReading(token, account.id, 2 * 11 * W_PER_A + W_PER_A);
    await drawing(simulators, [15.5, 15.5]);
    await waitFor(async () => (await reasonsLogged(circuit.id)).filter((line) => line === 'gridLoadChanged 15.5').length === 2);
  });

  it('falls back to the static share when the feed goes silent, and follows it again when readings resume', async () => {
    const { account, circuit, simulators, chargerIds, token } = await feedCircuit();
    await startCharging(simulators[0]!);
    await drawing(simulators, [16, 0]);
    await sampled(chargerIds[0]!, 16 * W_PER_A);
    await postReading(token, account.id, 16 * W_PER_A);
    await drawing(simulators, [32, 0]);

    // Its last reading three minutes old: the next periodic plan finds the feed silent.
    await db.update(gridPowerReadings).set({ measuredAt: raw`now() - interval '3 minutes'` }).where(eq(gridPowerReadings.accountId, account.id));
    await db.transaction((tx) => notifyCircuitChanged(tx, { circuitId: circuit.id, reason: 'scheduled', chargerId: null }));
    await drawing(simulators, [16, 0]);
    await waitFor(async () => (await reasonsLogged(circuit.id)).includes('meterFeedSilent 16'));
    expect((await feedState(circuit.id)).plannedFeedLive).toBe(false);

    await postReading(token, account.id, 16 * W_PER_A);
    await drawing(simulators, [32, 0]);
    await waitFor(async () => (await reasonsLogged(circuit.id)).includes('meterFeedResumed 32'));
  });

  it('in "minimum plus surplus" gives the session the sun\'s surplus, and the minimum once the sun is gone', async () => {
    const { account, circuit, simulators, chargerIds, token } = await feedCircuit({ solarMode: 'minimumPlusSurplus' });
    await startCharging(simulators[0]!);
    await drawing(simulators, [16, 0]);
    await sampled(chargerIds[0]!, 16 * W_PER_A);

    // The panels cover 10 A a phase of the 16 the car draws: the grid gives the other 6.
    await postReading(token, account.id, 6 * W_PER_A);
    await drawing(simulators, [10, 0]);
    await sampled(chargerIds[0]!, 10 * W_PER_A);

    // A cloud: the house imports 2 A a phase besides the car; the car keeps the minimum.
    await postReading(token, account.id, 12 * W_PER_A);
    await drawing(simulators, [6, 0]);
    await waitFor(async () => (await reasonsLogged(circuit.id)).includes('solarSurplusChanged 6'));
  });

  it('in "surplus only" waits while the grid pays, and starts once the surplus has held the minimum long enough', async () => {
    const { account, circuit, simulators, chargerIds, token } = await feedCircuit({ solarMode: 'surplus' });
    await startCharging(simulators[0]!);
    await sampled(chargerIds[0]!, 16 * W_PER_A);
    // No sun: the house draws 1 A a phase besides the car. The session waits at 0 A.
    await postReading(token, account.id, 17 * W_PER_A);
    await drawing(simulators, [0, 0]);
    await sampled(chargerIds[0]!, 0);

    // The sun gives 8 A a phase to the grid: enough for the minimum, but not yet for long enough.
    await postReading(token, account.id, -8 * W_PER_A);
    await waitFor(async () => (await feedState(circuit.id)).solarCrossedAt !== null);
    expect(simulators[0]!.currentA(1)).toBe(0);
    expect((await feedState(circuit.id)).isSolarCharging).toBe(false);

    // The surplus has held since two minutes ago: the next reading starts the car on it.
    await db.update(circuits).set({ solarCrossedAt: raw`now() - interval '2 minutes'` }).where(eq(circuits.id, circuit.id));
    await postReading(token, account.id, -8 * W_PER_A);
    await drawing(simulators, [8, 0]);
    expect((await feedState(circuit.id)).isSolarCharging).toBe(true);
  });
});
