import { randomBytes } from 'node:crypto';
import { sql as sqlText } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { ensureMeterValueMonths, listMeterValueMonths } from '../../domain/data/meter-value-partitions';
import { databaseUrlNamed } from '../../tests/support/migrations-before';
import { createLogger } from '../src/logger';
import { startMeterValuePartitionSweep } from '../src/meter-values/partition-sweep';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, testConfig } from './helpers';

// A database of its own: the retention below drops whole months, which other test files write readings into.
const server = createDb(process.env.DATABASE_URL!, { max: 1 });
const database = `chargewatch_months_${randomBytes(4).toString('hex')}`;
const url = databaseUrlNamed(database);
let own: ReturnType<typeof createDb>;
let ocpp: OcppServer;

beforeAll(async () => {
  await server.sql.unsafe(`create database "${database}"`);
  await runMigrations(url);
  own = createDb(url, { max: 3 });
  ocpp = await startOcppServer(testConfig({ databaseUrl: url }), createLogger('silent'));
});

afterAll(async () => {
  await ocpp?.close();
  await own?.sql.end();
  await server.sql.unsafe(`drop database if exists "${database}" with (force)`);
  await server.sql.end();
});

async function newCharger() {
  const account = await makeAccount(own.db);
  return makeCharger(own.db, { accountId: account.id });
}

// Where each of the charger's readings is stored, by its value.
async function partitionsOf(chargerId: string) {
  const rows = await own.db.execute<{ value: string; partition: string }>(sqlText`
    select value, tableoid::regclass::text as partition from meter_values where charger_id = ${chargerId} order by value`);
  return Object.fromEntries(rows.map((row) => [row.value, row.partition]));
}

async function storeReading(chargerId: string, at: string, value: string) {
  await own.db.execute(sqlText`
    insert into meter_values (charger_id, connector_id, sampled_at, measurand, unit, value, numeric_value)
    values (${chargerId}, 1, ${at}::timestamptz, 'Voltage', 'V', ${value}, ${Number(value)})`);
}

const monthsNamed = async () => (await listMeterValueMonths(own.db)).map(({ name }) => name).sort();

describe('meter values kept by month', () => {
  it('stores readings stamped decades back, decades ahead or without an offset, and files them in their month once it has one', async () => {
    const charger = await newCharger();
    const client = await connectClient(ocpp, { identity: charger.identity });
    try {
      // Without an offset a charger's time is read as UTC; this month has its partition since the migration.
      const thisMonth = new Date().toISOString().slice(0, 7);
      const reading = (timestamp: string, value: string) => ({ timestamp, sampledValue: [{ value, measurand: 'Voltage' as const, unit: 'V' as const }] });
      const answer = await client.call('MeterValues', {
        connectorId: 1,
        meterValue: [reading('1970-01-01T00:00:00Z', '1'), reading('2099-07-04T12:00:00Z', '2'), reading(`${thisMonth}-01T10:00:00`, '3'), reading('0001-01-01T00:00:00Z', '4')],
      });
      expect(answer).toEqual({});
      expect(await partitionsOf(charger.id)).toEqual({
        '1': 'meter_values_default',
        '2': 'meter_values_default',
        '3': `meter_values_p${thisMonth.replace('-', '')}`,
        '4': 'meter_values_default',
      });

      // Year 0 and the first instants of year 10000 (by an offset) are date-times to the schema, but no time PostgreSQL stores.
      const errorCodeOf = (call: Promise<unknown>) => call.then(() => 'answered', (error: { rpcErrorCode?: string }) => error.rpcErrorCode);
      for (const timestamp of ['0000-06-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00']) {
        expect(await errorCodeOf(client.call('MeterValues', { connectorId: 1, meterValue: [reading(timestamp, '9')] }))).toBe('PropertyConstraintViolation');
      }
      expect(await client.call('MeterValues', { connectorId: 1, meterValue: [reading('9999-12-31T23:59:59Z', '6'), reading('0001-01-01T00:00:00Z', '7')] })).toEqual({});
      expect(await partitionsOf(charger.id)).toMatchObject({ '6': 'meter_values_default', '7': 'meter_values_default' });

      // The sweep reaching July 2099 takes its reading out of the default partition.
      await ensureMeterValueMonths(own.db, { now: new Date('2099-07-10T00:00:00Z'), monthsAhead: 0 });
      await client.call('MeterValues', { connectorId: 1, meterValue: [reading('2099-07-20T08:00:00+02:00', '5')] });
      expect(await partitionsOf(charger.id)).toMatchObject({ '2': 'meter_values_p209907', '5': 'meter_values_p209907', '1': 'meter_values_default' });
      expect(Object.keys(await partitionsOf(charger.id))).toHaveLength(7);
    } finally {
      await client.close({ force: true });
    }
  });

  it('creates the coming months ahead of their readings, and with a retention drops the months past it and nothing else', async () => {
    const charger = await newCharger();
    const now = new Date('2027-05-10T08:00:00Z');
    for (const month of ['2025-01-15', '2026-04-20', '2026-06-01']) await ensureMeterValueMonths(own.db, { now: new Date(month), monthsAhead: 0 });
    await storeReading(charger.id, '2025-01-15T10:00:00Z', '10');
    await storeReading(charger.id, '2026-04-30T23:59:59Z', '11');
    await storeReading(charger.id, '2026-05-01T00:00:00Z', '12');
    await storeReading(charger.id, '2026-06-01T10:00:00Z', '13');
    await storeReading(charger.id, '2027-06-03T10:00:00Z', '14');
    await storeReading(charger.id, '1999-05-01T10:00:00Z', '15');
    await storeReading(charger.id, '2040-01-01T10:00:00Z', '16');
    expect((await partitionsOf(charger.id))['14']).toBe('meter_values_default');

    const keepingAll = startMeterValuePartitionSweep({ db: own.db, log: createLogger('silent'), everyMs: 3_600_000, retentionMonths: null, now: () => now });
    await keepingAll.run();
    await keepingAll.stop();
    expect(await monthsNamed()).toEqual(expect.arrayContaining(['meter_values_p202501', 'meter_values_p202604', 'meter_values_p202705', 'meter_values_p202708']));
    expect(Object.keys(await partitionsOf(charger.id))).toHaveLength(7);
    expect((await partitionsOf(charger.id))['14']).toBe('meter_values_p202706');

    // Twelve months kept: from May 2026 on.
    const keepingAYear = startMeterValuePartitionSweep({ db: own.db, log: createLogger('silent'), everyMs: 3_600_000, retentionMonths: 12, now: () => now });
    await keepingAYear.run();
    await keepingAYear.stop();
    const months = await monthsNamed();
    expect(months).not.toContain('meter_values_p202501');
    expect(months).not.toContain('meter_values_p202604');
    expect(months).toEqual(expect.arrayContaining(['meter_values_p202606', 'meter_values_p202612', 'meter_values_p202705']));
    expect(await partitionsOf(charger.id)).toEqual({
      // May 2026 never had a partition: its reading, from the first instant kept, stays in the default one.
      '12': 'meter_values_default',
      '13': 'meter_values_p202606',
      '14': 'meter_values_p202706',
      '16': 'meter_values_default',
    });
  });

  it('leaves a month for the next sweep while a long read holds the readings, rather than queue every insert behind it', async () => {
    const charger = await newCharger();
    const month = new Date('2031-03-01T00:00:00Z');
    const reader = createDb(url, { max: 1 });
    try {
      await reader.sql.begin(async (report) => {
        // A report still running: its transaction holds every partition it read until it ends.
        await report`select count(*) from meter_values`;
        expect(await ensureMeterValueMonths(own.db, { now: new Date('2031-03-05T00:00:00Z'), monthsAhead: 0 })).toEqual({ created: [], postponed: [month] });
        await storeReading(charger.id, '2026-12-01T12:00:00Z', '20');
      });
    } finally {
      await reader.sql.end();
    }
    expect(await ensureMeterValueMonths(own.db, { now: new Date('2031-03-05T00:00:00Z'), monthsAhead: 0 })).toEqual({ created: [month], postponed: [] });
    expect(await monthsNamed()).toContain('meter_values_p203103');
    expect(Object.keys(await partitionsOf(charger.id))).toEqual(['20']);
  });

  it('with a retention keeps the readings of a running session whose charger\'s clock was reset, and deletes a closed one\'s', async () => {
    const charger = await newCharger();
    const card = await makeCard(own.db, { accountId: charger.accountId });
    const client = await connectClient(ocpp, { identity: charger.identity });
    const reading = (timestamp: string, value: string) => ({ timestamp, sampledValue: [{ value, measurand: 'Voltage' as const, unit: 'V' as const }] });
    try {
      // Its clock back at 1970 after a power cut: a session that ended, one still charging, and a reading of no session.
      const start = async (connectorId: number) =>
        ((await client.call('StartTransaction', { connectorId, idTag: card.idTag, meterStart: 0, timestamp: '1970-01-01T00:00:00Z' })) as { transactionId: number }).transactionId;
      const ended = await start(1);
      await client.call('MeterValues', { connectorId: 1, transactionId: ended, meterValue: [reading('1970-01-01T00:05:00Z', '31')] });
      await client.call('StopTransaction', { transactionId: ended, meterStop: 100, timestamp: '1970-01-01T00:10:00Z' });
      const running = await start(2);
      await client.call('MeterValues', { connectorId: 2, transactionId: running, meterValue: [reading('1970-01-01T00:05:00Z', '32')] });
      await client.call('MeterValues', { connectorId: 3, meterValue: [reading('1970-01-01T00:05:00Z', '33')] });
      expect(await partitionsOf(charger.id)).toEqual({ '31': 'meter_values_default', '32': 'meter_values_default', '33': 'meter_values_default' });

      const sweep = startMeterValuePartitionSweep({ db: own.db, log: createLogger('silent'), everyMs: 3_600_000, retentionMonths: 12, now: () => new Date() });
      await sweep.run();
      await sweep.stop();
      expect(await partitionsOf(charger.id)).toEqual({ '32': 'meter_values_default' });
    } finally {
      await client.close({ force: true });
    }
  });
});
