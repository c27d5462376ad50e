import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { asc, eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSession, listSessionMeterValues } from '@/domain/data/sessions';
import { sessionSeries } from '@/domain/sessions/series';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { meterValues, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import type { OcppServer } from '../src/start';
import { databaseUrlNamed, migrationsBefore } from '../../tests/support/migrations-before';
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

describe('a reading sent without its session and repeated in the StopTransaction', () => {
  it('links the stored sample to the session, so the session page charts it', async () => {
    const { account, charger, client } = await connectedCharger();
    const card = await makeCard(db, { accountId: account.id });
    const startedAt = new Date(Date.now() - 60_000);
    const start = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: startedAt.toISOString() })) as { transactionId: number };
    const sampledAt = new Date(Date.now() - 30_000);
    // MeterValues.transactionId is optional (OCPP 1.6 §6.31): stored for the charger, unlinked.
    await client.call('MeterValues', { connectorId: 1, meterValue: [reading(sampledAt.toISOString(), 600)] });
    const unlinked = await db.select().from(meterValues).where(eq(meterValues.chargerId, charger.id));
    expect(unlinked.map((row) => row.transactionId)).toEqual([null, null]);

    // The charger repeats its periodic samples in transactionData, one of them twice.
    const transactionData = [reading(sampledAt.toISOString(), 600), reading(sampledAt.toISOString(), 600), reading(new Date().toISOString(), 900)];
    await client.call('StopTransaction', { transactionId: start.transactionId, meterStop: 900, timestamp: new Date().toISOString(), transactionData });

    const rows = await db.select().from(meterValues).where(eq(meterValues.chargerId, charger.id)).orderBy(asc(meterValues.id));
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.transactionId === start.transactionId)).toBe(true);
    expect(rows.slice(0, 2).map((row) => row.id)).toEqual(unlinked.map((row) => row.id).sort((a, b) => a - b));

    const scope = { accountId: account.id, sessionId: start.transactionId };
    const [session, values] = await Promise.all([getSession(db, scope), listSessionMeterValues(db, scope)]);
    const series = sessionSeries({ samples: values, ...session! });
    expect(series.energyKwh).toContainEqual({ at: sampledAt.getTime(), value: 0.6 });
    expect(series.powerKw).toContainEqual({ at: sampledAt.getTime(), value: 7.4 });
  });

  it('leaves a sample already linked to a session where it is', async () => {
    const { account, charger, client } = await connectedCharger();
    const card = await makeCard(db, { accountId: account.id });
    const timestamp = new Date(Date.now() - 60_000).toISOString();
    const first = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp })) as { transactionId: number };
    const sampledAt = new Date(Date.now() - 30_000).toISOString();
    await client.call('MeterValues', { connectorId: 1, transactionId: first.transactionId, meterValue: [reading(sampledAt, 600)] });
    // A new session on the same connector supersedes the first; the charger wrongly repeats the old sample in its stop.
    const second = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 600, timestamp: new Date(Date.now() - 20_000).toISOString() })) as {
      transactionId: number;
    };
    await client.call('StopTransaction', { transactionId: second.transactionId, meterStop: 900, timestamp: new Date().toISOString(), transactionData: [reading(sampledAt, 600)] });
    const rows = await db.select({ transactionId: meterValues.transactionId }).from(meterValues).where(eq(meterValues.chargerId, charger.id));
    expect(rows).toEqual([{ transactionId: first.transactionId }, { transactionId: first.transactionId }]);
  });

  it('keeps two readings that differ only in their unit', async () => {
    const { charger, client } = await connectedCharger();
    const sampledAt = new Date().toISOString();
    const energy = (unit: string) => ({ timestamp: sampledAt, sampledValue: [{ value: '12', measurand: 'Energy.Active.Import.Register', unit }] });
    await client.call('MeterValues', { connectorId: 1, meterValue: [energy('Wh'), energy('kWh')] });
    const rows = await db.select({ unit: meterValues.unit }).from(meterValues).where(eq(meterValues.chargerId, charger.id));
    expect(rows.map((row) => row.unit).sort()).toEqual(['Wh', 'kWh']);
  });
});

// db/migrations/0005_meter_values_once.sql on a database that stored readings twice before it.
describe('the migration making each reading one row', () => {
  const database = `chargewatch_migration_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlNamed(database);
  let before: string;
  let beforeUnitKey: string;

  beforeAll(async () => {
    await sql.unsafe(`create database "${database}"`);
    before = await migrationsBefore('0005_meter_values_once');
    beforeUnitKey = await migrationsBefore('0008_meter_values_key_with_unit');
  });

  afterAll(async () => {
    await rm(before, { recursive: true, force: true });
    await rm(beforeUnitKey, { recursive: true, force: true });
    await sql.unsafe(`drop database if exists "${database}" with (force)`);
  });

  it('keeps the copy linked to a session and every distinct reading', async () => {
    const old = createDb(url, { max: 1 });
    try {
      await migrate(old.db, { migrationsFolder: before });
      // Raw SQL here too: the builders write every column of today's schema, some of which the old one lacks.
      const [account] = await old.sql<{ id: string }[]>`insert into accounts (name) values ('Before 0005') returning id`;
      const [charger] = await old.sql<{ id: string }[]>`
        insert into chargers (account_id, identity, name) values (${account!.id}, ${`CP-${randomBytes(5).toString('hex')}`}, 'Before 0005') returning id`;
      const sampledAt = new Date('2026-11-20T10:00:00Z');
      // Raw SQL: the table has no account_id yet (0007 adds it and fills it in from the charger).
      const [session] = await old.sql<{ id: number }[]>`
        insert into transactions (charger_id, connector_id, id_tag, authorization_status, meter_start_wh, started_at)
        values (${charger!.id}, 1, 'TAG', 'Accepted', 0, '2026-11-20T09:00:00Z') returning id`;
      const sample = (overrides: Partial<typeof meterValues.$inferInsert>) => ({
        chargerId: charger!.id,
        connectorId: 1,
        sampledAt,
        measurand: 'Energy.Active.Import.Register',
        unit: 'Wh',
        context: 'Sample.Periodic',
        value: '600',
        numericValue: 600,
        ...overrides,
      });
      const insert = async (overrides: Partial<typeof meterValues.$inferInsert>) =>
        (await old.db.insert(meterValues).values(sample(overrides)).returning({ id: meterValues.id }))[0]!.id;
      await insert({ transactionId: null }); // MeterValues without a transactionId, stored first…
      const linked = await insert({ transactionId: session!.id }); // …and repeated in the StopTransaction
      const firstPower = await insert({ measurand: 'Power.Active.Import', unit: 'W', value: '7400', numericValue: 7400, transactionId: session!.id });
      await insert({ measurand: 'Power.Active.Import', unit: 'W', value: '7400', numericValue: 7400, transactionId: session!.id }); // a resent MeterValues
      const firstUnlinked = await insert({ connectorId: 2, measurand: 'Voltage', unit: 'V', value: '230', numericValue: 230, context: null });
      await insert({ connectorId: 2, measurand: 'Voltage', unit: 'V', value: '230', numericValue: 230, context: null });
      const otherValue = await insert({ connectorId: 2, measurand: 'Voltage', unit: 'V', value: '231', numericValue: 231, context: null });
      const otherUnit = await insert({ transactionId: session!.id, value: '600', unit: 'kWh' });

      await runMigrations(url);

      const rows = await old.db
        .select({ id: meterValues.id, transactionId: meterValues.transactionId })
        .from(meterValues)
        .where(eq(meterValues.chargerId, charger!.id))
        .orderBy(asc(meterValues.id));
      expect(rows).toEqual([
        { id: linked, transactionId: session!.id },
        { id: firstPower, transactionId: session!.id },
        { id: firstUnlinked, transactionId: null },
        { id: otherValue, transactionId: null },
        { id: otherUnit, transactionId: session!.id },
      ]);
      // A unique violation, named after the index of the month's partition (0048) that holds meter_values_sample_key.
      await expect(insert({ transactionId: null })).rejects.toMatchObject({ cause: { code: '23505', table_name: 'meter_values_p202611' } });
      // 0007 gave the session its charger's account.
      const [migrated] = await old.db.select({ accountId: transactions.accountId }).from(transactions).where(eq(transactions.id, session!.id));
      expect(migrated).toEqual({ accountId: account!.id });
    } finally {
      await old.sql.end();
    }
  });

  it('gives a database that applied the first 0005, whose key left out the unit, the key with the unit (0008)', async () => {
    const firstRelease = `${database}_first`;
    await sql.unsafe(`create database "${firstRelease}"`);
    const firstUrl = databaseUrlNamed(firstRelease);
    const deployed = createDb(firstUrl, { max: 1 });
    try {
      // As the first 0005 left it, before 0008 was applied.
      await migrate(deployed.db, { migrationsFolder: beforeUnitKey });
      await deployed.sql.unsafe(`
        alter table meter_values drop constraint meter_values_sample_key;
        alter table meter_values add constraint meter_values_sample_key
          unique nulls not distinct (charger_id, sampled_at, connector_id, measurand, phase, location, context, value);`);
      await runMigrations(firstUrl);
      const account = await makeAccount(deployed.db);
      const charger = await makeCharger(deployed.db, { accountId: account.id });
      const sampledAt = new Date();
      const reading = (unit: string) => ({ chargerId: charger.id, connectorId: 1, sampledAt, measurand: 'Energy.Active.Import.Register', unit, value: '12' });
      await deployed.db.insert(meterValues).values([reading('Wh'), reading('kWh')]);
      expect(await deployed.db.select().from(meterValues).where(eq(meterValues.chargerId, charger.id))).toHaveLength(2);
    } finally {
      await deployed.sql.end();
      await sql.unsafe(`drop database if exists "${firstRelease}" with (force)`);
    }
  });
});
