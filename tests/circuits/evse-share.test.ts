import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { circuitChargers, circuits, evseConnectors } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { circuitShareA } from '@/domain/circuits/plan';
import { loadCircuitState } from '@/domain/data/circuit-planning';
import { getCircuit } from '@/domain/data/circuit-views';

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

// A 2.0.1 EVSE with a socket and a tethered cable runs one transaction at a time: behind a fuse its two connectors
// count once, so the other chargers' share is not cut for a connector that cannot draw beside its twin.
describe('a circuit with a two-connector EVSE', () => {
  it('counts the EVSE once for the static share, in the plan and on the circuit page', async () => {
    const account = await makeAccount(db);
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 16 }).returning();
    const single = await makeCharger(db, { accountId: account.id, connectorCount: 1 });
    const twin = await makeCharger(db, { accountId: account.id, connectorCount: 2, ocppVersion: 'ocpp2.0.1' });
    await db.insert(evseConnectors).values([
      { chargerId: twin.id, connectorId: 1, evseId: 1, evseConnectorId: 1 },
      { chargerId: twin.id, connectorId: 2, evseId: 1, evseConnectorId: 2 },
    ]);
    for (const charger of [single, twin]) await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });

    const state = await loadCircuitState(db, circuit!.id, new Date());
    expect(state!.chargers.find((charger) => charger.chargerId === twin.id)?.connectorCount).toBe(1);
    expect(circuitShareA(16, state!.chargers)).toBe(8);
    expect((await getCircuit(db, { accountId: account.id, circuitId: circuit!.id }))?.connectorCount).toBe(2);
  });
});
