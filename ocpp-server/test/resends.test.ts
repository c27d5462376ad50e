import { eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterValues } from '../../db/schema';
import { makeCard } from '../../db/seed/builders';
import type { OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, startTestServer, testDb } from './helpers';

const { db, sql } = testDb();
let server: OcppServer;
const clients: RPCClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close({ force: true })));
  await server?.close();
  await sql.end();
});

async function connectedCharger() {
  const fixture = await makeChargerFixture(db);
  const client = await connectClient(server, { identity: fixture.charger.identity, strictMode: true });
  clients.push(client);
  return { ...fixture, client };
}

const reading = (timestamp: string, wh: number) => ({
  timestamp,
  sampledValue: [
    { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
    { value: '7400', measurand: 'Power.Active.Import', unit: 'W', context: 'Sample.Periodic' },
  ],
});

// OCPP 1.6 §3.7: a charger that missed the answer (server killed after storing, database gone at the commit)
// sends the same transaction-related message again.
describe('messages a charger resends', () => {
  it('stores a resent MeterValues once and a StopTransaction repeating its sample once', async () => {
    const { account, client } = await connectedCharger();
    const card = await makeCard(db, { accountId: account.id });
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const start = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: startedAt })) as { transactionId: number };
    const sampledAt = new Date(Date.now() - 30_000).toISOString();
    const meterValuesRequest = { connectorId: 1, transactionId: start.transactionId, meterValue: [reading(sampledAt, 600)] };
    await client.call('MeterValues', meterValuesRequest);
    await client.call('MeterValues', meterValuesRequest);
    const stop = { transactionId: start.transactionId, meterStop: 900, timestamp: new Date().toISOString(), transactionData: [reading(sampledAt, 600)] };
    await client.call('StopTransaction', stop);
    await client.call('StopTransaction', stop);

    const rows = await db.select().from(meterValues).where(eq(meterValues.transactionId, start.transactionId));
    expect(rows.map((row) => `${row.measurand}=${row.value}`).sort()).toEqual(['Energy.Active.Import.Register=600', 'Power.Active.Import=7400']);
  });

  it('keeps two readings that differ only in their value', async () => {
    const { charger, client } = await connectedCharger();
    const sampledAt = new Date().toISOString();
    await client.call('MeterValues', { connectorId: 2, meterValue: [{ timestamp: sampledAt, sampledValue: [{ value: '230', measurand: 'Voltage', unit: 'V' }] }] });
    await client.call('MeterValues', { connectorId: 2, meterValue: [{ timestamp: sampledAt, sampledValue: [{ value: '231', measurand: 'Voltage', unit: 'V' }] }] });
    const rows = await db.select({ value: meterValues.value }).from(meterValues).where(eq(meterValues.chargerId, charger.id));
    expect(rows.map((row) => row.value).sort()).toEqual(['230', '231']);
  });
});
