import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers, meterValues, transactions } from '../../db/schema';
import { makeAccount, makeCard } from '../../db/seed/builders';
import type { OcppServer } from '../src/start';
import { startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

const { db, sql } = testDb();
const CHARGERS = 500;
let server: OcppServer | undefined;

afterAll(async () => {
  await stopSimulators();
  await server?.close();
  await sql.end();
});

describe('scale', () => {
  it(`connects ${CHARGERS} simulated chargers that boot, charge and stop without an error`, { timeout: 120_000 }, async () => {
    server = await startTestServer();
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const prefix = `SCALE-${randomBytes(3).toString('hex')}`;
    const rows = await db
      .insert(chargers)
      .values(Array.from({ length: CHARGERS }, (_, index) => ({ accountId: account.id, identity: `${prefix}-${index}`, name: `Scale ${index}` })))
      .returning({ id: chargers.id, identity: chargers.identity });
    const chargerIds = rows.map((row) => row.id);

    const simulated = await Promise.all(rows.map((row) => startSimulator(server!, { identity: row.identity, meterIntervalMs: 2000 })));
    await Promise.all(simulated.map((charger) => charger.startSession(1, card.idTag)));
    await waitFor(async () => {
      const rows = await db.selectDistinct({ id: meterValues.transactionId }).from(meterValues).where(inArray(meterValues.chargerId, chargerIds));
      return rows.length >= CHARGERS;
    }, { timeoutMs: 60_000, everyMs: 250 });
    await Promise.all(simulated.map((charger) => charger.stopSession(1)));
    await Promise.all(simulated.map((charger) => charger.queue.drained(60_000)));

    expect(simulated.flatMap((charger) => charger.errors)).toEqual([]);
    expect(server.connections.size).toBe(CHARGERS);
    const online = await db.$count(chargers, and(inArray(chargers.id, chargerIds), eq(chargers.isOnline, true)));
    expect(online).toBe(CHARGERS);
    const stopped = await db.$count(transactions, and(inArray(transactions.chargerId, chargerIds), isNotNull(transactions.stoppedAt)));
    expect(stopped).toBe(CHARGERS);
  });
});
