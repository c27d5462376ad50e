import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql as raw } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargerCommands, chargers, meterValues, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { enqueueCommand } from '../../domain/commands/enqueue';
import { killAllServers, killServer, spawnServer } from '../../ocpp-server/test/child-server';
import { testDb, waitFor } from '../../ocpp-server/test/helpers';
import { startSimulator, stopSimulators } from '../../ocpp-server/test/simulators';
import { fleetOutcome, tracksTransactionIds } from './support/fleet';

const { db, sql } = testDb();
const CHARGERS = 200;
// These never answer ChangeConfiguration, so their commands are still waiting for an answer at the kill.
const SILENT = 10;
// Chargers that get a command while the server is down.
const QUEUED = 20;
// What real chargers do (ocpp-rpc: exponential, randomised by ±50%), so that they do not all return in step.
const BACKOFF = { initialDelay: 500, maxDelay: 5_000 };

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

describe('OCPP server killed with SIGKILL under load', () => {
  it(`loses no session, meter value or command of ${CHARGERS} charging chargers and finishes every command`, async () => {
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const rows = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const chargerIds = rows.map((row) => row.id);
    const instanceId = `fault-kill-${randomBytes(3).toString('hex')}`;
    const first = await spawnServer({ instanceId });

    const simulated = await Promise.all(
      rows.map((row, index) =>
        startSimulator(first, { identity: row.identity, meterIntervalMs: 1000, backoff: BACKOFF, ignoreActions: index < SILENT ? ['ChangeConfiguration'] : [] }),
      ),
    );
    const transactionIds = tracksTransactionIds(simulated);
    await Promise.all(simulated.map((charger) => charger.startSession(1, card.idTag)));
    await Promise.all(simulated.map((charger) => charger.queue.drained()));

    const command = async (index: number, value: string) => {
      const queued = await enqueueCommand(db, { accountId: account.id, chargerId: rows[index]!.id, action: 'ChangeConfiguration', payload: { key: 'MeterValueSampleInterval', value } });
      return queued.ok ? queued.value : null;
    };
    const unanswered = await Promise.all(Array.from({ length: SILENT }, (_, index) => command(index, '10')));
    await waitFor(async () => (await db.$count(chargerCommands, and(inArray(chargerCommands.id, unanswered.map((row) => row!.id)), eq(chargerCommands.status, 'sent')))) === SILENT);
    // Meter values keep flowing for a while, so that some are in flight (stored but not yet answered) at the kill.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(await killServer(first, 'SIGKILL')).toBe(null);
    await waitFor(async () => simulated.every((charger) => !charger.isConnected));
    // Half the drivers unplug while the server is gone; their StopTransaction waits in the charger's queue.
    await Promise.all(simulated.slice(0, CHARGERS / 2).map((charger) => charger.stopSession(1, 'EVDisconnected')));
    const queued = await Promise.all(Array.from({ length: QUEUED }, (_, index) => command(SILENT + index, '15')));

    const restartedAt = performance.now();
    const second = await spawnServer({ instanceId, port: first.port });
    await waitFor(async () => simulated.every((charger) => charger.isConnected), { timeoutMs: 30_000, everyMs: 100 });
    const reconnectMs = performance.now() - restartedAt;
    await Promise.all(simulated.slice(CHARGERS / 2).map((charger) => charger.stopSession(1, 'Local')));
    await Promise.all(simulated.map((charger) => charger.queue.drained(30_000)));
    await waitFor(async () => (await db.$count(chargerCommands, and(inArray(chargerCommands.id, queued.map((row) => row!.id)), eq(chargerCommands.status, 'accepted')))) === QUEUED, {
      timeoutMs: 15_000,
    });
    console.log(`fault:kill ${CHARGERS} chargers back ${Math.round(reconnectMs)} ms after the restart began`);

    const outcome = await fleetOutcome(db, { chargerIds, simulated, transactionIds });
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.sessions).toBe(CHARGERS);
    const reasons = await db.select({ reason: transactions.stopReason, count: raw<number>`count(*)::int` }).from(transactions).where(inArray(transactions.chargerId, chargerIds)).groupBy(transactions.stopReason);
    expect(Object.fromEntries(reasons.map((row) => [row.reason, row.count]))).toEqual({ EVDisconnected: CHARGERS / 2, Local: CHARGERS / 2 });
    expect(await db.$count(meterValues, inArray(meterValues.chargerId, chargerIds))).toBeGreaterThan(CHARGERS * 2);

    const commands = await db.select({ id: chargerCommands.id, status: chargerCommands.status, error: chargerCommands.error }).from(chargerCommands).where(eq(chargerCommands.accountId, account.id));
    const byId = new Map(commands.map((row) => [row.id, row]));
    for (const row of unanswered) expect(byId.get(row!.id)).toMatchObject({ status: 'timeout', error: 'OCPP server restarted before the charger answered' });
    expect(commands.filter((row) => row.status === 'pending' || row.status === 'sent')).toEqual([]);
    expect(simulated.slice(SILENT, SILENT + QUEUED).every((charger) => charger.configuration.get('MeterValueSampleInterval') === '15')).toBe(true);

    expect(simulated.flatMap((charger) => charger.errors)).toEqual([]);
    expect(second.lines.filter((line) => line.includes('"level":50'))).toEqual([]);
    const online = await db.select({ isOnline: chargers.isOnline, instanceId: chargers.instanceId }).from(chargers).where(eq(chargers.accountId, account.id));
    expect(online.every((row) => row.isOnline && row.instanceId === instanceId)).toBe(true);

    await stopSimulators();
    expect(await killServer(second, 'SIGTERM')).toBe(0);
  });
});
