import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql as sqlText } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { priceClosingSession } from '@/domain/data/session-pricing';
import { listSessionMeterValues } from '@/domain/data/sessions';
import { databaseUrlNamed, migrationsBefore } from '../support/migrations-before';
import { addSamples, addTariff } from '../sessions/builders';

const server = createDb(process.env.DATABASE_URL!, { max: 1 });
const database = `chargewatch_by_month_${randomBytes(4).toString('hex')}`;
const url = databaseUrlNamed(database);
let before: string;

beforeAll(async () => {
  await server.sql.unsafe(`create database "${database}"`);
  before = await migrationsBefore('0048_meter_values_by_month');
});

afterAll(async () => {
  await rm(before, { recursive: true, force: true });
  await server.sql.unsafe(`drop database if exists "${database}" with (force)`);
  await server.sql.end();
});

type Stored = { id: string; partition: string; sampled_at: string; measurand: string; value: string; transaction_id: number | null };

// db/migrations/0048_meter_values_by_month.sql on a database that holds readings.
describe('the migration partitioning meter values by month', () => {
  it('moves every reading into its month (outliers into the default partition) and prices a session the same', async () => {
    const deployed = createDb(url, { max: 1 });
    try {
      await migrate(deployed.db, { migrationsFolder: before });
      const account = await makeAccount(deployed.db);
      const charger = await makeCharger(deployed.db, { accountId: account.id });
      // The price changes at midnight UTC, so the session's energy is split by its readings on either side.
      await addTariff(deployed.db, { accountId: account.id, pricePerKwh: '0.3000', validFrom: new Date('2026-01-01T00:00:00Z') });
      await addTariff(deployed.db, { accountId: account.id, pricePerKwh: '0.4000', validFrom: new Date('2026-11-01T00:00:00Z') });
      // A session across the end of October: its readings land in two months.
      const startedAt = new Date('2026-10-31T23:30:00Z');
      // Written in the columns a session had then, not through today's schema: later migrations add columns that this
      // database, stopped before 0048, does not have yet.
      const [session] = await deployed.sql<{ id: number }[]>`
        insert into transactions (charger_id, account_id, connector_id, id_tag, authorization_status, meter_start_wh, meter_stop_wh, started_at, stopped_at, stop_reason, energy_wh)
        values (${charger.id}, ${account.id}, 1, 'TAG', 'Accepted', 1000, 7000, ${startedAt.toISOString()}, '2026-11-01T00:30:00Z', 'Local', 6000)
        returning id`;
      await addSamples(deployed.db, { transactionId: session!.id, chargerId: charger.id, startedAt, energiesWh: Array.from({ length: 60 }, (_, minute) => (minute + 1) * 100), powerW: 6000 });
      // A charger whose clock was decades off, both ways.
      await deployed.sql`
        insert into meter_values (charger_id, connector_id, sampled_at, measurand, unit, value, numeric_value)
        values (${charger.id}, 1, '1999-05-01T10:00:00Z', 'Voltage', 'V', '230', 230), (${charger.id}, 1, '2040-01-01T10:00:00Z', 'Voltage', 'V', '231', 231)`;

      const read = () => deployed.db.execute<Stored>(sqlText`
        select id::text, tableoid::regclass::text as partition, sampled_at::text, measurand, value, transaction_id from meter_values
        where charger_id = ${charger.id} order by id`);
      const rowsBefore = await read();

      await runMigrations(url);

      const rowsAfter = await read();
      const withoutPartition = (rows: Stored[]) => rows.map((row) => ({ ...row, partition: null }));
      expect(withoutPartition(rowsAfter)).toEqual(withoutPartition(rowsBefore));
      expect(rowsAfter).toHaveLength(122);
      const partitionOf = (at: string) => rowsAfter.filter((row) => row.sampled_at.startsWith(at)).map((row) => row.partition);
      expect(new Set(partitionOf('2026-10'))).toEqual(new Set(['meter_values_p202610']));
      expect(new Set(partitionOf('2026-11'))).toEqual(new Set(['meter_values_p202611']));
      expect(partitionOf('1999')).toEqual(['meter_values_default']);
      expect(partitionOf('2040')).toEqual(['meter_values_default']);
      // The session's page and its price read the moved readings as they read them before: all 120 of them, and the
      // energy split at the price change (at 0.30 then 0.40 per kWh).
      expect(await listSessionMeterValues(deployed.db, { accountId: account.id, sessionId: session!.id })).toHaveLength(120);
      const pricing = await priceClosingSession(deployed.db, { transactionId: session!.id, meterStopWh: 7000, stoppedAt: new Date('2026-11-01T00:30:00Z') });
      expect(pricing.lines.map((line) => line.energyWh)).toEqual([3000, 3000]);

      // New readings are numbered after the copied ones.
      const [added] = await deployed.db.execute<{ id: string }>(sqlText`
        insert into meter_values (charger_id, connector_id, sampled_at, measurand, unit, value, numeric_value)
        values (${charger.id}, 1, '2026-11-02T10:00:00Z', 'Voltage', 'V', '229', 229) returning id::text`);
      expect(BigInt(added!.id)).toBeGreaterThan(BigInt(rowsAfter.at(-1)!.id));
    } finally {
      await deployed.sql.end();
    }
  });
});
