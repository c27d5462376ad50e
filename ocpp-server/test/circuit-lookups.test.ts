// The circuit planner asks which circuit a charger is in on each of its events (a status, a session, coming and
// going). A fleet coming online sends five events a charger; reading the answer each time was most of the statements
// such a fleet caused (issue 23).
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, describe, expect, it } from 'vitest';
import { circuits } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { notifyCircuitChanged } from '../../domain/circuits/notify';
import { countedServer, quiet } from './counted-server';
import { connectClient, testDb } from './helpers';

const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

const STATUSES: [number, string][] = [
  [0, 'Available'],
  [1, 'Available'],
  [2, 'Available'],
  [1, 'Preparing'],
  [1, 'Available'],
];

async function onlineCharger() {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id, connectorCount: 2 });
  const client = await connectClient(counted.server, { identity: charger.identity });
  counted.clients.push(client);
  await client.call('BootNotification', { chargePointVendor: 'Circuit', chargePointModel: 'Lookups' });
  for (const [connectorId, status] of STATUSES) await client.call('StatusNotification', { connectorId, errorCode: 'NoError', status });
  await quiet(counted.counter);
  return { account, charger, client };
}

// The planner's reads of this charger's circuit since `from`. Every server hears every charger's events, so other
// test files' chargers are looked up here too: only those naming this one count. Another file's change of a
// circuit's chargers makes this server forget what it knew, too: a read or two more may follow.
const OTHER_FILES_CHANGES = 2;
function lookupsOf(chargerId: string, from: number) {
  const { executed, parameters } = counted.counter;
  return executed.slice(from).filter((statement, index) => statement.includes('from "circuit_chargers"') && parameters[from + index]!.includes(chargerId));
}

async function statusChange(client: RPCClient) {
  await client.call('StatusNotification', { connectorId: 2, errorCode: 'NoError', status: 'Unavailable' });
  await quiet(counted.counter);
}

describe("a charger's circuit", () => {
  it('is read once when the charger comes online, not for each of its events', async () => {
    const from = counted.counter.executed.length;
    const { charger } = await onlineCharger();
    // One read for seven events (connected, boot, five statuses); seven before.
    expect(lookupsOf(charger.id, from).length).toBeLessThanOrEqual(1 + OTHER_FILES_CHANGES);
  });

  it("is read again on the charger's next event once the web app has changed a circuit's chargers", async () => {
    const { account, charger, client } = await onlineCharger();
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 16 }).returning();
    const from = counted.counter.executed.length;
    await notifyCircuitChanged(db, { circuitId: circuit!.id, reason: 'chargersChanged', chargerId: null });
    await quiet(counted.counter);
    await statusChange(client);
    expect(lookupsOf(charger.id, from)).toHaveLength(1);
  });

  it('is read again when the charger is back after going offline', async () => {
    const { charger, client } = await onlineCharger();
    const from = counted.counter.executed.length;
    await client.close();
    await quiet(counted.counter);
    const back = await connectClient(counted.server, { identity: charger.identity });
    counted.clients.push(back);
    await statusChange(back);
    // Kept past the disconnect, it would not be read at all.
    expect(lookupsOf(charger.id, from).length).toBeGreaterThanOrEqual(1);
    expect(lookupsOf(charger.id, from).length).toBeLessThanOrEqual(1 + OTHER_FILES_CHANGES);
  });
});
