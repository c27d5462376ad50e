import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { describe, expect, it } from 'vitest';
import { chargers, meterValues, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { accountParentIdTag } from '../../domain/cards/household';
import { createBatchedStore } from '../../domain/data/charger-traffic/batched';
import { MAX_SAMPLE_VALUE_BYTES, type MeterSample } from '../../domain/data/charger-traffic/meter-values';
import { ocppSuite } from './suite';

// The 1.6 schemas bound neither integers nor SampledValue.value; PostgreSQL does (an integer transaction id, a
// bigint meter register, the sample key's index row). What cannot be stored is that one charger's error, answered
// as OCPP asks, never an InternalError and never another charger's failure.
const suite = ocppSuite();
const { db } = suite;

// Base64 of random bytes: text PostgreSQL cannot compress into the index row.
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64').slice(0, bytes);
const newCharger = () => makeCharger(db, { accountId: suite.fixture.account.id });
const errorCodeOf = (call: Promise<unknown>) => call.then(() => 'answered', (error: { rpcErrorCode?: string }) => error.rpcErrorCode);

async function start(client: RPCClient, idTag: string) {
  const answer = (await client.call('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() })) as { transactionId: number };
  return answer.transactionId;
}

describe('values the platform cannot store', () => {
  it('answers a StopTransaction naming a transaction id beyond 32 bits as an unknown transaction', async () => {
    const client = await suite.connect(suite.server, { identity: (await newCharger()).identity });
    for (const transactionId of [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2]) {
      expect(await client.call('StopTransaction', { transactionId, meterStop: 10, timestamp: new Date().toISOString(), idTag: 'ANY' })).toEqual({});
    }
  });

  it('answers a LogStatusNotification and a SignedFirmwareStatusNotification naming a request id beyond 32 bits as one of no request', async () => {
    const charger = await newCharger();
    const client = await suite.connect(suite.server, { identity: charger.identity });
    for (const requestId of [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2]) {
      expect(await client.call('LogStatusNotification', { status: 'Uploading', requestId })).toEqual({});
      expect(await client.call('SignedFirmwareStatusNotification', { status: 'Downloading', requestId })).toEqual({});
    }
    const [row] = await db.select({ diagnosticsStatus: chargers.diagnosticsStatus, firmwareStatus: chargers.firmwareStatus }).from(chargers).where(eq(chargers.id, charger.id));
    expect(row).toEqual({ diagnosticsStatus: 'Uploading', firmwareStatus: 'Downloading' });
  });

  it('refuses a StartTransaction with a connector or a meter start it cannot store, and keeps a reservation id it never issued as none', async () => {
    const charger = await newCharger();
    const card = await makeCard(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const request = { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: new Date().toISOString() };
    expect(await errorCodeOf(client.call('StartTransaction', { ...request, connectorId: 3_000_000_000 }))).toBe('PropertyConstraintViolation');
    expect(await errorCodeOf(client.call('StartTransaction', { ...request, meterStart: 1e19 }))).toBe('PropertyConstraintViolation');
    const { transactionId } = (await client.call('StartTransaction', { ...request, reservationId: 3_000_000_000 })) as { transactionId: number };
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ connectorId: 1, reservationId: null });
    expect(await errorCodeOf(client.call('StopTransaction', { transactionId, meterStop: 1e19, timestamp: new Date().toISOString() }))).toBe('PropertyConstraintViolation');
  });

  it('refuses a MeterValues holding a sampled value too long to store, and stores one at the bound', async () => {
    const charger = await newCharger();
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const meterValue = (value: string) => [{ timestamp: new Date().toISOString(), sampledValue: [{ value, format: 'SignedData' as const, context: 'Sample.Clock' as const }] }];
    expect(await errorCodeOf(client.call('MeterValues', { connectorId: 1, meterValue: meterValue(incompressible(MAX_SAMPLE_VALUE_BYTES + 1)) }))).toBe('PropertyConstraintViolation');
    // The bound counts UTF-8 bytes: 1,250 two-byte characters are one byte too many.
    expect(await errorCodeOf(client.call('MeterValues', { connectorId: 1, meterValue: meterValue(`x${'é'.repeat(MAX_SAMPLE_VALUE_BYTES / 2)}`) }))).toBe('PropertyConstraintViolation');
    const atBound = incompressible(MAX_SAMPLE_VALUE_BYTES);
    expect(await client.call('MeterValues', { connectorId: 1, meterValue: meterValue(atBound) })).toEqual({});
    const stored = await db.select({ value: meterValues.value }).from(meterValues).where(eq(meterValues.chargerId, charger.id));
    expect(stored).toEqual([{ value: atBound }]);
  });

  it('closes a session whose StopTransaction carries a sampled value too long to store, leaving that sample out', async () => {
    const charger = await newCharger();
    const card = await makeCard(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const transactionId = await start(client, card.idTag);
    const timestamp = new Date().toISOString();
    const transactionData = [{ timestamp, sampledValue: [{ value: incompressible(4_000), format: 'SignedData' as const }, { value: '900', unit: 'Wh' as const }] }];
    expect(await client.call('StopTransaction', { transactionId, meterStop: 900, timestamp, idTag: card.idTag, transactionData })).toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: accountParentIdTag(suite.fixture.account.id) } });
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ meterStopWh: 900, energyWh: 900, stopReason: 'Local' });
    const samples = await db.select({ value: meterValues.value }).from(meterValues).where(eq(meterValues.transactionId, transactionId));
    expect(samples).toEqual([{ value: '900' }]);
  });

  it("writes every other charger's samples of a batch in which one overflows the sample key", async () => {
    const [hostile, neighbour] = await Promise.all([newCharger(), newCharger()]);
    const store = createBatchedStore(db);
    const sample = (value: string): MeterSample => ({
      sampledAt: new Date(),
      measurand: 'Energy.Active.Import.Register',
      phase: null,
      unit: 'Wh',
      context: null,
      location: null,
      value,
      numericValue: null,
    });
    // Submitted in one turn of the event loop: one statement, one batch.
    const writes = [
      store.recordMeterValues({ chargerId: hostile.id, accountId: hostile.accountId, connectorId: 1, samples: [sample(incompressible(3_000))] }),
      store.recordMeterValues({ chargerId: neighbour.id, accountId: neighbour.accountId, connectorId: 1, samples: [sample('1234')] }),
    ];
    expect((await Promise.allSettled(writes)).map((write) => write.status)).toEqual(['rejected', 'fulfilled']);
    expect(await db.select({ value: meterValues.value }).from(meterValues).where(eq(meterValues.chargerId, neighbour.id))).toEqual([{ value: '1234' }]);
  });
});
