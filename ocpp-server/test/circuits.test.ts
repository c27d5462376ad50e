import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { circuitAllocations, circuitChanges, circuitChargers, circuits } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { staticShareA } from '../../domain/circuits/allocate';
import { notifyCircuitChanged } from '../../domain/circuits/notify';
import type { SimulatedCharger } from '../simulator/simulated-charger';
import { waitFor } from './helpers';
import { startSimulator, transactionAnswered } from './simulators';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db } = suite;

// Hardware well above any circuit share here: what each draws is what the circuit gives it.
const HARDWARE_W = 22_080;

async function circuitOf(capacityA: number, chargerCount: number) {
  const { account } = suite.fixture;
  const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA }).returning();
  const members: { charger: Awaited<ReturnType<typeof makeCharger>>; simulator: SimulatedCharger }[] = [];
  for (let index = 0; index < chargerCount; index++) {
    const charger = await makeCharger(db, { accountId: account.id, connectorCount: 1, name: `Charger ${'ABC'[index]}` });
    await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
    members.push({ charger, simulator: await startSimulator(suite.server, { identity: charger.identity, powerW: HARDWARE_W }) });
  }
  // Each has its static share before a test starts charging: a session never starts under an earlier, larger one.
  const shareW = staticShareA(capacityA, chargerCount) * 230 * 3;
  await waitFor(async () => members.every(({ simulator }) => Math.abs(simulator.chargingProfiles.limitW(1) - shareW) < 1));
  return { circuit: circuit!, members };
}

async function startCharging(simulator: SimulatedCharger) {
  const started = transactionAnswered(simulator, 'transactionStarted', 1);
  await simulator.startSession(1, 'CIRCUITCARD', { shouldAuthorize: false });
  return started;
}

async function stopCharging(simulator: SimulatedCharger) {
  const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
  await simulator.stopSession(1);
  await stopped;
}

// What each simulated charger draws per phase, once it matches.
const drawing = (simulators: SimulatedCharger[], amps: number[]) => waitFor(async () => simulators.every((simulator, index) => Math.abs(simulator.currentA(1) - amps[index]!) < 0.05));

const changesOf = (circuitId: string) =>
  db
    .select({ chargerId: circuitChanges.chargerId, transactionId: circuitChanges.transactionId, currentA: circuitChanges.currentA, reason: circuitChanges.reason, reasonChargerId: circuitChanges.reasonChargerId })
    .from(circuitChanges)
    .where(eq(circuitChanges.circuitId, circuitId))
    .orderBy(asc(circuitChanges.id));

// The change is logged once it is queued; the charger may apply it a moment before.
const loggedChange = (circuitId: string, change: Partial<Awaited<ReturnType<typeof changesOf>>[number]>) =>
  waitFor(async () => (await changesOf(circuitId)).some((row) => Object.entries(change).every(([key, value]) => row[key as keyof typeof row] === value)));

describe('a circuit of two chargers behind a 16 A fuse', () => {
  it('gives the first session all 16 A, each 8 A once the second starts, and 16 A to the first again when the second stops', async () => {
    const { circuit, members } = await circuitOf(16, 2);
    const [a, b] = members.map((member) => member.simulator) as [SimulatedCharger, SimulatedCharger];
    await startCharging(a);
    await drawing([a], [16]);
    const second = await startCharging(b);
    await drawing([a, b], [8, 8]);
    await stopCharging(b);
    await drawing([a, b], [16, 0]);
    const chargerB = members[1]!.charger.id;
    await loggedChange(circuit.id, { transactionId: second, currentA: 8, reason: 'sessionStarted', reasonChargerId: chargerB });
    await loggedChange(circuit.id, { chargerId: members[0]!.charger.id, currentA: 16, reason: 'sessionStopped', reasonChargerId: chargerB });
  });

  it('counts a charger it has lost at its static share, logging why', async () => {
    const { circuit, members } = await circuitOf(16, 2);
    const [a, b] = members.map((member) => member.simulator) as [SimulatedCharger, SimulatedCharger];
    await startCharging(a);
    await drawing([a], [16]);
    await b.stop();
    await drawing([a], [8]);
    await loggedChange(circuit.id, { chargerId: members[0]!.charger.id, currentA: 8, reason: 'chargerOffline', reasonChargerId: members[1]!.charger.id });
  });
});

describe('the queue', () => {
  it('keeps a third session at 0 A on a circuit that fits two at the minimum, and gives it current when one stops', async () => {
    const { members } = await circuitOf(12, 3);
    const [a, b, c] = members.map((member) => member.simulator) as [SimulatedCharger, SimulatedCharger, SimulatedCharger];
    await startCharging(a);
    await startCharging(b);
    await drawing([a, b], [6, 6]);
    const third = await startCharging(c);
    await drawing([a, b, c], [6, 6, 0]);
    expect((await db.select().from(circuitAllocations).where(eq(circuitAllocations.transactionId, third)))[0]?.currentA).toBe(0);
    await stopCharging(a);
    await drawing([a, b, c], [0, 6, 6]);
  });
});

describe('the static share', () => {
  it('is sent as a TxDefaultProfile to a charger joining a circuit, and again when the capacity changes', async () => {
    // One charger of one connector: its static share is the whole fuse.
    const { circuit, members } = await circuitOf(32, 1);
    const [only] = members;
    const { account } = suite.fixture;
    const joining = await makeCharger(db, { accountId: account.id, connectorCount: 1 });
    const simulator = await startSimulator(suite.server, { identity: joining.identity, powerW: HARDWARE_W });
    await db.transaction(async (tx) => {
      await tx.insert(circuitChargers).values({ chargerId: joining.id, accountId: account.id, circuitId: circuit.id });
      await notifyCircuitChanged(tx, { circuitId: circuit.id, reason: 'chargersChanged', chargerId: joining.id });
    });
    await waitFor(async () => [only!.simulator, simulator].every((each) => Math.abs(each.chargingProfiles.limitW(1) - 16 * 230 * 3) < 1));
    await db.transaction(async (tx) => {
      await tx.update(circuits).set({ capacityA: 20 }).where(eq(circuits.id, circuit.id));
      await notifyCircuitChanged(tx, { circuitId: circuit.id, reason: 'capacityChanged', chargerId: null });
    });
    await waitFor(async () => Math.abs(simulator.chargingProfiles.limitW(1) - 10 * 230 * 3) < 1);
    await loggedChange(circuit.id, { chargerId: joining.id, transactionId: null, currentA: 16, reason: 'chargersChanged' });
    await loggedChange(circuit.id, { chargerId: joining.id, transactionId: null, currentA: 10, reason: 'capacityChanged' });
  });
});
