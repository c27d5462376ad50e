import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { connectors, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { getSession, listSessionMeterValues } from '../../domain/data/sessions';
import { SimulatedCharger201 } from '../simulator/v201/simulated-charger-201';
import { endpoint, waitFor } from './helpers';
import { ocppSuite } from './suite';

// The project simulator with --ocpp 2.0.1, driven by the platform's commands as the owner's buttons send them.
const suite = ocppSuite();
const { db } = suite;
const running: SimulatedCharger201[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((charger) => charger.stop()));
});

async function startSimulator201() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = new SimulatedCharger201({ url: endpoint(suite.server), identity: charger.identity, evses: 2, meterIntervalMs: 100, powerW: 36_000 });
  running.push(simulator);
  await simulator.start();
  return { charger, simulator };
}

const commandBy = (chargerId: string) => ({ accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id });

describe('the 2.0.1 simulator', () => {
  it('boots, reports its EVSEs, and charges from a remote start to a remote stop with its energy recorded', async () => {
    const { charger, simulator } = await startSimulator201();
    const statuses = await waitFor(async () => {
      const rows = await db.select().from(connectors).where(eq(connectors.chargerId, charger.id));
      return rows.length === 2 && rows;
    });
    expect(statuses.map((row) => row.status)).toEqual(['Available', 'Available']);

    const card = await makeCard(db, { accountId: suite.fixture.account.id, kind: 'virtual', userId: suite.fixture.account.owner.id });
    const start = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 2 } });
    expect(start).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const session = await waitFor(async () => {
      const [row] = await db.select().from(transactions).where(eq(transactions.chargerId, charger.id));
      return row?.ocppTransactionId ? row : null;
    });
    expect(session).toMatchObject({ connectorId: 2, cardId: card.id, isRemoteStarted: true, ocppTransactionId: simulator.openTransactionIds[0] });
    const charging = await waitFor(async () => {
      const [row] = await db.select().from(connectors).where(eq(connectors.chargerId, charger.id)).orderBy(connectors.connectorId).offset(1);
      return row?.status === 'Charging' && row;
    });
    expect(charging.connectorId).toBe(2);
    await waitFor(async () => (await listSessionMeterValues(db, { accountId: suite.fixture.account.id, sessionId: session.id })).length >= 4);

    const stop = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStopTransaction', payload: { transactionId: session.id } });
    expect(stop).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const read = await waitFor(async () => {
      const found = await getSession(db, { accountId: suite.fixture.account.id, sessionId: session.id });
      return found?.stoppedAt && found;
    });
    expect(read.stopReason).toBe('Remote');
    expect(read.energyWh).toBeGreaterThan(0);
  });

  it('answers a remote start it cannot take (EVSE busy) with Rejected', async () => {
    const { charger, simulator } = await startSimulator201();
    await simulator.startSession(1, 'LOCAL-TAG-1', { remoteStartId: 7 });
    const start = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStartTransaction', payload: { idTag: 'ANY-TAG', connectorId: 1 } });
    expect(start).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Rejected' } });
  });
});
