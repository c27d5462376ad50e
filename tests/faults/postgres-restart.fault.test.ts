import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { chargerCommands, chargers } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { enqueueCommand } from '../../domain/commands/enqueue';
import { sendCommand } from '../../domain/commands/send';
import { db as webDb } from '../../lib/db';
import { subscribeToChargerEvents, type ChargerEvent } from '../../lib/live/charger-event-hub';
import { killAllServers, killServer, spawnServer, type ChildServer } from '../../ocpp-server/test/child-server';
import { waitFor } from '../../ocpp-server/test/helpers';
import { startSimulator, stopSimulators } from '../../ocpp-server/test/simulators';
import { startRestartableCluster, type RestartableCluster } from '../../scripts/lib/database';
import { fleetOutcome, tracksTransactionIds } from './support/fleet';

const CHARGERS = 100;
const OUTAGE_MS = 6_000;
// PostgreSQL of this test's own, stopped and started under load; the other tests' cluster is never touched.
let cluster: RestartableCluster;
// The web app's own data layer (lib/db.ts), living through the outage in this process.
let web: Database;
let server: ChildServer;

beforeAll(async () => {
  const database = `chargewatch_faults_${randomBytes(4).toString('hex')}`;
  cluster = await startRestartableCluster({ name: 'postgres-faults', port: Number(process.env.EMBEDDED_FAULTS_PG_PORT ?? 54331), database, log: () => {} });
  await runMigrations(cluster.url);
  process.env.DATABASE_URL = cluster.url;
  web = webDb();
});

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await web?.$client.end({ timeout: 1 });
  if (!cluster) return;
  const admin = postgres(cluster.url.replace(/\/[^/]+$/, '/postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${new URL(cluster.url).pathname.slice(1)}" with (force)`);
  await admin.end();
  await cluster.stop();
});

// Time from now until the call gets an answer, calling again every 100 ms while it errors.
async function msUntilAnswered(call: () => Promise<unknown>) {
  const began = performance.now();
  await waitFor(() => call().then(() => true, () => false), { timeoutMs: 60_000, everyMs: 100 });
  return performance.now() - began;
}

describe('PostgreSQL restarted under load', () => {
  it(`keeps ${CHARGERS} chargers connected, answers them again within seconds and stores what they resend once`, async () => {
    const db = web;
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const rows = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const chargerIds = rows.map((row) => row.id);
    server = await spawnServer({ instanceId: `fault-pg-${randomBytes(3).toString('hex')}`, env: { DATABASE_URL: cluster.url } });
    const simulated = await Promise.all(rows.map((row) => startSimulator(server, { identity: row.identity, meterIntervalMs: 500 })));
    const transactionIds = tracksTransactionIds(simulated);
    const [early, late] = [simulated.slice(0, CHARGERS / 2), simulated.slice(CHARGERS / 2)];
    await Promise.all(early.map((charger) => charger.startSession(1, card.idTag)));
    await Promise.all(early.map((charger) => charger.queue.drained()));

    // This charger answers ClearCache only once the database is away, however long stopping it takes.
    let databaseIsAway!: () => void;
    const answerWhenAway = new Promise<void>((resolve) => (databaseIsAway = resolve));
    simulated[2]!.client.handle('ClearCache', async () => {
      await answerWhenAway;
      return { status: 'Accepted' };
    });
    const queued = await enqueueCommand(db, { accountId: account.id, chargerId: chargerIds[2]!, action: 'ClearCache', payload: {} });
    const slow = queued.ok ? queued.value : null;
    await waitFor(async () => (await db.$count(chargerCommands, and(eq(chargerCommands.id, slow!.id), eq(chargerCommands.status, 'sent')))) === 1);

    // A browser's live view: the web process's one LISTEN connection, which must come back by itself.
    const events: ChargerEvent[] = [];
    const unsubscribe = await subscribeToChargerEvents((event) => events.push(event));

    await cluster.stop();
    databaseIsAway();
    // While the database is away the first half stop and the second half start charging: every transaction
    // message gets an InternalError and waits in its charger's queue, meter values pile up behind it.
    await Promise.all(early.map((charger) => charger.stopSession(1, 'EVDisconnected')));
    await Promise.all(late.map((charger) => charger.startSession(1, card.idTag, { shouldAuthorize: false })));
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const heartbeatDuringOutage = await simulated[0]!.client.call('Heartbeat', {}).then(() => 'answered', (error: { rpcErrorCode?: string }) => error.rpcErrorCode);
    await cluster.start();

    const chargerMs = await msUntilAnswered(() => simulated[0]!.client.call('Heartbeat', {}));
    const webMs = await msUntilAnswered(() => db.select({ id: chargers.id }).from(chargers).where(eq(chargers.id, chargerIds[0]!)));
    // The web enqueues, the OCPP server hears it on its LISTEN connection, the web hears the answer on its own.
    const command = await sendCommand(db, { accountId: account.id, chargerId: chargerIds[1]!, action: 'ChangeConfiguration', payload: { key: 'HeartbeatInterval', value: '120' } });
    console.log(`fault:postgres answered again: charger ${Math.round(chargerMs)} ms, web ${Math.round(webMs)} ms after the restart`);

    const eventsBeforeStops = events.length;
    await Promise.all(late.map((charger) => charger.stopSession(1, 'Local')));
    await Promise.all(simulated.map((charger) => charger.queue.drained(60_000)));
    const lateIds = chargerIds.slice(CHARGERS / 2);
    const hasStopEvent = (chargerId: string) => events.slice(eventsBeforeStops).some((event) => event.chargerId === chargerId && event.kind === 'transaction-stopped');
    await waitFor(async () => lateIds.every(hasStopEvent), { timeoutMs: 60_000 });
    unsubscribe();
    const slowOutcome = await waitFor(async () => {
      const [row] = await db.select({ status: chargerCommands.status }).from(chargerCommands).where(eq(chargerCommands.id, slow!.id));
      return row!.status !== 'sent' && row;
    }, { timeoutMs: 60_000, everyMs: 250 });

    // Answered again by themselves; how soon is printed above, and the pools' reconnect delay that decides it has its
    // own test (tests/db/client.test.ts).
    expect(heartbeatDuringOutage).toBe('InternalError');
    expect(command).toMatchObject({ ok: true, value: { status: 'accepted' } });
    // Answered during the outage, recorded once the database was back.
    expect(slowOutcome).toEqual({ status: 'accepted' });
    expect(simulated[1]!.configuration.get('HeartbeatInterval')).toBe('120');
    expect(server.child.exitCode).toBe(null);
    expect(simulated.every((charger) => charger.isConnected)).toBe(true);
    expect(simulated.flatMap((charger) => charger.errors)).toEqual([]);

    const outcome = await fleetOutcome(db, { chargerIds, simulated, transactionIds });
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.sessions).toBe(CHARGERS);
    const online = await db.$count(chargers, and(inArray(chargers.id, chargerIds), eq(chargers.isOnline, true)));
    expect(online).toBe(CHARGERS);

    await stopSimulators();
    expect(await killServer(server, 'SIGTERM')).toBe(0);
  });
});
