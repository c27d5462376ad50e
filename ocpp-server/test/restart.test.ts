import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { killAllServers, killServer, spawnServer } from './child-server';
import { testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

const { db, sql } = testDb();
const SESSIONS = 50;

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

describe('OCPP server process restart', () => {
  it('loses none of 50 active sessions when the process is killed and started again', { timeout: 90_000 }, async () => {
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const rows = await Promise.all(Array.from({ length: SESSIONS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const chargerIds = rows.map((row) => row.id);
    const instanceId = `restart-${randomBytes(3).toString('hex')}`;
    const first = await spawnServer({ instanceId });

    const simulated = await Promise.all(rows.map((row) => startSimulator(first, { identity: row.identity, meterIntervalMs: 300 })));
    await Promise.all(simulated.map((charger) => charger.startSession(1, card.idTag)));
    await Promise.all(simulated.map((charger) => charger.queue.drained()));

    expect(await killServer(first, 'SIGKILL')).toBe(null);
    await waitFor(async () => simulated.every((charger) => !charger.isConnected));
    // Half the drivers unplug while the server is gone; their StopTransaction waits in the charger's queue.
    await Promise.all(simulated.slice(0, SESSIONS / 2).map((charger) => charger.stopSession(1, 'EVDisconnected')));

    const second = await spawnServer({ instanceId, port: first.port });
    expect(second.lines.some((line) => line.includes('cleared online flags'))).toBe(true);
    await waitFor(async () => simulated.every((charger) => charger.isConnected), { timeoutMs: 30_000 });
    await Promise.all(simulated.slice(SESSIONS / 2).map((charger) => charger.stopSession(1, 'Local')));
    await Promise.all(simulated.map((charger) => charger.queue.drained(30_000)));

    const sessions = await db.select().from(transactions).where(inArray(transactions.chargerId, chargerIds));
    expect(sessions).toHaveLength(SESSIONS);
    expect(sessions.filter((session) => session.stoppedAt === null)).toEqual([]);
    expect(sessions.filter((session) => session.stopReason === 'EVDisconnected')).toHaveLength(SESSIONS / 2);
    for (const session of sessions) expect(session.energyWh).toBe(session.meterStopWh! - session.meterStartWh);
    expect(simulated.flatMap((charger) => charger.errors)).toEqual([]);

    const online = await db.select({ isOnline: chargers.isOnline, instanceId: chargers.instanceId }).from(chargers).where(eq(chargers.accountId, account.id));
    expect(online.every((row) => row.isOnline && row.instanceId === instanceId)).toBe(true);

    await stopSimulators();
    expect(await killServer(second, 'SIGTERM')).toBe(0);
  });
});
