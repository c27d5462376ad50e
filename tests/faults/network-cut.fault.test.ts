import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { killAllServers, killServer, spawnServer } from '../../ocpp-server/test/child-server';
import { testDb, waitFor } from '../../ocpp-server/test/helpers';
import { startSimulator, stopSimulators } from '../../ocpp-server/test/simulators';
import { startCuttableLink } from './support/cuttable-link';
import { fleetOutcome, tracksTransactionIds } from './support/fleet';

const { db, sql } = testDb();
const CHARGERS = 20;
const PING_INTERVAL_S = 2;

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

describe('network cut without a close frame', () => {
  it('marks the chargers offline within two ping intervals, answers their commands offline, and takes them back', async () => {
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const rows = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const chargerIds = rows.map((row) => row.id);
    const server = await spawnServer({ instanceId: `fault-cut-${randomBytes(3).toString('hex')}`, env: { OCPP_PING_INTERVAL: String(PING_INTERVAL_S) } });
    const link = await startCuttableLink(server);
    const simulated = await Promise.all(rows.map((row) => startSimulator(link, { identity: row.identity, meterIntervalMs: 500 })));
    const transactionIds = tracksTransactionIds(simulated);
    await Promise.all(simulated.map((charger) => charger.startSession(1, card.idTag)));
    await Promise.all(simulated.map((charger) => charger.queue.drained()));
    const onlineCount = () => db.$count(chargers, and(inArray(chargers.id, chargerIds), eq(chargers.isOnline, true)));

    const pingsUntilGivenUp = await link.cut({ pingsToGiveUpOn: 3 });
    // Within two ping intervals, counted in the server's own pings rather than in milliseconds: the first ping after
    // the cut goes unanswered, and at the next interval the server closes the connection instead of pinging again.
    expect(pingsUntilGivenUp.filter((pings) => pings > 2)).toEqual([]);
    await waitFor(async () => (await onlineCount()) === 0, { timeoutMs: 60_000, everyMs: 100 });
    // The chargers still believe they are connected and keep metering into their queues.
    expect(simulated.every((charger) => charger.isConnected)).toBe(true);
    const command = await sendCommand(db, { accountId: account.id, chargerId: chargerIds[0]!, action: 'ClearCache', payload: {} });

    link.restore();
    await waitFor(async () => (await onlineCount()) === CHARGERS, { timeoutMs: 60_000, everyMs: 100 });
    await Promise.all(simulated.map((charger) => charger.stopSession(1)));
    await Promise.all(simulated.map((charger) => charger.queue.drained(60_000)));
    console.log(`fault:cut the server gave up on each of the ${CHARGERS} cut connections after at most ${Math.max(...pingsUntilGivenUp)} unanswered pings`);

    expect(command).toMatchObject({ ok: true, value: { status: 'offline' } });
    expect(await onlineCount()).toBe(CHARGERS);
    const outcome = await fleetOutcome(db, { chargerIds, simulated, transactionIds });
    expect(outcome.mismatches).toEqual([]);
    expect(simulated.flatMap((charger) => charger.errors)).toEqual([]);

    await stopSimulators();
    await link.close();
    expect(await killServer(server, 'SIGTERM')).toBe(0);
  });
});
