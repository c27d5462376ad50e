import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { circuitChanges, circuitChargers, circuits, transactions } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { staticShareA } from '../../domain/circuits/allocate';
import { waitFor } from './helpers';
import { startSimulator, startSimulator201, transactionAnswered, transactionEvented } from './simulators';
import { ocppSuite } from './suite';

// A circuit shared by a 1.6 charger and a 2.0.1 one: the planner steers both alike, each in its own protocol.
const suite = ocppSuite();
const { db } = suite;

const HARDWARE_W = 22_080;

async function mixedCircuit(capacityA: number) {
  const { account } = suite.fixture;
  const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA }).returning();
  const joined = async (name: string) => {
    const charger = await makeCharger(db, { accountId: account.id, connectorCount: 1, name });
    await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
    return charger;
  };
  const old = await joined('Charger 1.6');
  const modern = await joined('Charger 2.0.1');
  const v16 = await startSimulator(suite.server, { identity: old.identity, powerW: HARDWARE_W });
  const v201 = await startSimulator201(suite.server, { identity: modern.identity, evses: 1, powerW: HARDWARE_W });
  const shareW = staticShareA(capacityA, 2) * 230 * 3;
  await waitFor(async () => [v16.chargingProfiles.limitW(1), v201.chargingProfiles.limitW(1)].every((limit) => Math.abs(limit - shareW) < 1));
  return { circuit: circuit!, v16, v201, modern };
}

const near = (amps: number, expected: number) => Math.abs(amps - expected) < 0.05;

describe('a circuit of a 1.6 and a 2.0.1 charger behind a 16 A fuse', () => {
  it('gives the 2.0.1 session all 16 A, each 8 A once the 1.6 one starts, and 16 A to the 2.0.1 one again when it stops', async () => {
    const { circuit, v16, v201, modern } = await mixedCircuit(16);
    const started = transactionEvented(v201, 'transactionStarted', 1);
    await v201.startSession(1, 'CIRCUITCARD', { remoteStartId: 1 });
    const [session] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, await started));
    await waitFor(async () => near(v201.currentA(1), 16));

    const other = transactionAnswered(v16, 'transactionStarted', 1);
    await v16.startSession(1, 'CIRCUITCARD', { shouldAuthorize: false });
    await other;
    await waitFor(async () => near(v201.currentA(1), 8) && near(v16.currentA(1), 8));
    const stopped = transactionAnswered(v16, 'transactionStopped', 1);
    await v16.stopSession(1);
    await stopped;
    await waitFor(async () => near(v201.currentA(1), 16));

    const changes = await db.select().from(circuitChanges).where(eq(circuitChanges.circuitId, circuit.id)).orderBy(asc(circuitChanges.id));
    expect(changes.some((change) => change.chargerId === modern.id && change.transactionId === session!.id && change.currentA === 8)).toBe(true);
  });
});
